package commonplace.events.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One step of schema evolution: turns a payload of {@link #type()} version {@link #fromVersion()} into the next. */
public interface PayloadUpcaster {

    String type();

    int fromVersion();

    /** Returns the payload in version {@code fromVersion() + 1}; may change and return its argument. */
    ObjectNode upcast(ObjectNode payload);
}

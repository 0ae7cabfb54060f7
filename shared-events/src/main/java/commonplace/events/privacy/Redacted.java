package commonplace.events.privacy;

import commonplace.events.DiscussionEvent;
import commonplace.events.EventTypes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * How an event record prints: like a record's own {@code toString}, with every personal field shown as
 * {@code <personal>}. Frameworks log payloads when a handler fails; what a person wrote must not reach a log that way.
 */
public final class Redacted {

    private Redacted() {
    }

    public static String describe(DiscussionEvent event) {
        String type = EventTypes.of(event).name();
        StringBuilder text = new StringBuilder(event.getClass().getSimpleName()).append('[');
        RecordComponent[] components = event.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object value = value(components[i], event);
            text.append(i == 0 ? "" : ", ").append(name).append('=')
                    .append(value != null && PersonalFields.find(type, name) != null ? "<personal>" : value);
        }
        return text.append(']').toString();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "?";
        }
    }
}

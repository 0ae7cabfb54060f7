package commonplace.command.topic.web;

import commonplace.command.topic.model.InvalidInputException;
import commonplace.events.Identifiers;

/** Ids in request paths, checked before anything else looks at them. */
final class PathIds {

    private PathIds() {
    }

    static String topicId(String value) {
        if (!Identifiers.isTopicId(value)) {
            throw InvalidInputException.of("topicId", "must be 1..128 characters of [A-Za-z0-9._:-]");
        }
        return value;
    }

    static String commentId(String value) {
        if (!Identifiers.isEntityId(value)) {
            throw InvalidInputException.of("commentId", "must be 1..64 characters of [A-Za-z0-9_-]");
        }
        return value;
    }
}

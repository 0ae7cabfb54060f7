package commonplace.query.web;

import commonplace.events.Identifiers;

/** Checks identifiers taken from paths against the contract's patterns; a mismatch is a 400 problem. */
public final class Ids {

    private Ids() {
    }

    public static String topicId(String value) {
        if (!Identifiers.isTopicId(value)) {
            throw ApiProblem.invalid("topicId", "must be 1 to 128 of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }

    public static String commentId(String value) {
        if (!Identifiers.isEntityId(value)) {
            throw ApiProblem.invalid("commentId", "must be 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return value;
    }

    public static String authorId(String value) {
        if (!Identifiers.isAuthorId(value)) {
            throw ApiProblem.invalid("authorId", "must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        return value;
    }
}

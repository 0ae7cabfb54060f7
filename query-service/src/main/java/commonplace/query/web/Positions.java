package commonplace.query.web;

import commonplace.events.ConsistencyPosition;

/**
 * The {@code after} parameter of the per-topic feeds (timeline, events): a position this service or the command
 * service issued, of the same topic. Anything else is a 400 problem.
 */
public final class Positions {

    private static final String FIELD = "after";

    private Positions() {
    }

    /** The sequence the position names; the page or feed continues after it. */
    public static long afterSequence(String after, String topicId) {
        ConsistencyPosition position = ConsistencyPosition.decode(after)
                .orElseThrow(() -> ApiProblem.invalid(FIELD, "is not a position this service issued"));
        if (!position.topicId().equals(topicId)) {
            throw ApiProblem.invalid(FIELD, "is a position of another topic");
        }
        return position.sequence();
    }
}

package commonplace.query.thread;

import commonplace.query.thread.ThreadQueries.Sort;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Cursor;

/** Where a page of a thread's root comments ends: the topic, the order, and the last root's sequence. */
record ThreadCursor(String topicId, Sort sort, long afterSequence) {

    private static final String KIND = "thread";

    String encode() {
        return Cursor.encode(KIND, topicId, sort, afterSequence);
    }

    /** A cursor this list issued for {@code topicId} in {@code sort} order, or 400. */
    static ThreadCursor decode(String encoded, String topicId, Sort sort) {
        Cursor cursor = Cursor.decode(encoded, KIND, 3);
        ThreadCursor after = new ThreadCursor(cursor.topicId(0), cursor.constant(1, Sort.class), cursor.sequence(2));
        if (!after.topicId().equals(topicId) || after.sort() != sort) {
            throw ApiProblem.invalid("cursor", "belongs to another topic or sort order");
        }
        return after;
    }
}

package commonplace.query.topics;

import commonplace.query.web.Cursor;

import java.time.Instant;

/** Where a page of the topic list ends: the last topic's activity and id, the list's keyset. */
record TopicsCursor(Instant lastActivityAt, String topicId) {

    private static final String KIND = "topics";

    static TopicsCursor after(TopicSummary last) {
        return new TopicsCursor(last.lastActivityAt(), last.topicId());
    }

    String encode() {
        return Cursor.encode(KIND, lastActivityAt, topicId);
    }

    /** A cursor this list issued, or 400. */
    static TopicsCursor decode(String encoded) {
        Cursor cursor = Cursor.decode(encoded, KIND, 2);
        return new TopicsCursor(cursor.instant(0), cursor.topicId(1));
    }
}

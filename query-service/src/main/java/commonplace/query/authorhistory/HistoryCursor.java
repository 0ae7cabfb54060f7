package commonplace.query.authorhistory;

import commonplace.query.activity.ActivityEntry;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Cursor;

import java.time.Instant;

/** Where a page of an author's history ends: the author, and the last entry's (occurredAt, topicId, sequence). */
record HistoryCursor(String authorId, Instant occurredAt, String topicId, long sequence) {

    private static final String KIND = "history";

    static HistoryCursor after(ActivityEntry last) {
        return new HistoryCursor(last.authorId(), last.occurredAt(), last.topicId(), last.sequence());
    }

    String encode() {
        return Cursor.encode(KIND, authorId, occurredAt, topicId, sequence);
    }

    /** A cursor this list issued for {@code authorId}'s history, or 400. */
    static HistoryCursor decode(String encoded, String authorId) {
        Cursor cursor = Cursor.decode(encoded, KIND, 4);
        HistoryCursor after = new HistoryCursor(cursor.authorId(0), cursor.instant(1), cursor.topicId(2),
                cursor.sequence(3));
        if (!after.authorId().equals(authorId)) {
            throw ApiProblem.invalid("cursor", "belongs to another author's history");
        }
        return after;
    }
}

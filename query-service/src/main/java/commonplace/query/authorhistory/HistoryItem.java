package commonplace.query.authorhistory;

import commonplace.events.ConsistencyPosition;
import commonplace.query.activity.ActivityEntry;
import commonplace.query.web.Author;

import java.time.Instant;

/** One entry of an author's history: a timeline entry plus the topic it happened in. */
record HistoryItem(String topicId, String position, long sequence, String type, Instant at, String commentId,
                   Author author, String summary) {

    static HistoryItem of(ActivityEntry entry) {
        return new HistoryItem(entry.topicId(), new ConsistencyPosition(entry.topicId(), entry.sequence()).encode(),
                entry.sequence(), entry.type(), entry.occurredAt(), entry.commentId(),
                new Author(entry.authorId(), entry.authorName()), entry.summary());
    }
}

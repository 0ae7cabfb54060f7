package commonplace.query.timeline;

import commonplace.events.ConsistencyPosition;
import commonplace.query.activity.ActivityEntry;
import commonplace.query.web.Author;

import java.time.Instant;

/** One timeline entry as answered; {@code position} is also what {@code after} and {@code consistentWith} take. */
record TimelineItem(String position, long sequence, String type, Instant at, String commentId, Author author,
                    String summary) {

    static TimelineItem of(ActivityEntry entry) {
        return new TimelineItem(new ConsistencyPosition(entry.topicId(), entry.sequence()).encode(), entry.sequence(),
                entry.type(), entry.occurredAt(), entry.commentId(), new Author(entry.authorId(), entry.authorName()),
                entry.summary());
    }
}

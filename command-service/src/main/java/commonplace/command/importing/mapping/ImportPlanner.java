package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceComment;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.SourceHandler;
import commonplace.command.importing.SourceKind;
import commonplace.command.importing.SourceState;
import commonplace.command.importing.SourceTopic;
import commonplace.command.importing.mapping.DisplayNames.DisplayName;
import commonplace.command.importing.mapping.PlannedComment.Action;
import commonplace.command.links.UrlNormalizer;
import commonplace.command.topic.model.FieldRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, record by record, what an export becomes: topic ids ({@link TopicIdAssigner}), author ids and names
 * ({@link AuthorIds}, {@link DisplayNames}), bodies ({@link Bodies}), comment ids ({@link ImportedIds}), and whether a
 * comment is posted, posted and retracted (deleted in the source) or skipped (spam, unapproved, a pingback or
 * trackback, empty after conversion), each change and skip with its reason. Nothing here knows the whole export: a
 * comment's topic and parent are resolved when it is recorded.
 */
public final class ImportPlanner implements SourceHandler {

    /** Relative links resolve against a recent topic's address; older topics' addresses are forgotten. */
    private static final int REMEMBERED_PAGES = 10_000;

    private final SourceFormat format;
    private final String site;
    private final AuthorIds authorIds;
    private final TopicIdAssigner topicIds;
    private final PlanSink sink;
    private final Map<String, String> pageUrls = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_PAGES;
        }
    };

    public ImportPlanner(SourceFormat format, String site, AuthorIds authorIds, MappingFile mapping, PlanSink sink) {
        this.format = format;
        this.site = site == null ? "" : site;
        this.authorIds = authorIds;
        this.topicIds = new TopicIdAssigner(format, mapping);
        this.sink = sink;
    }

    @Override
    public void topic(SourceTopic topic) {
        List<String> changes = new ArrayList<>(topic.notes());
        TopicIdAssigner.Assignment assignment = topicIds.assign(topic);
        if (assignment.change() != null) {
            changes.add(assignment.change());
        }
        String url = null;
        if (topic.url() != null) {
            url = UrlNormalizer.tryNormalize(topic.url()).map(valid -> topic.url()).orElse(null);
            if (url == null) {
                changes.add("the page address is not a valid http(s) address; the topic has none");
            } else {
                pageUrls.put(topic.sourceId(), url);
            }
        }
        String skipped = switch (topic.visibility()) {
            case PUBLIC -> null;
            case DELETED -> "the page's thread is deleted in the source";
            case NOT_PUBLIC -> "the page is not public in the source (a draft, private or password-protected)";
        };
        sink.topic(new PlannedTopic(assignment.topicId(), topic.sourceId(), title(topic, assignment.topicId(), changes),
                url, topic.createdAt(), topic.closed(), skipped, changes));
    }

    @Override
    public void comment(SourceComment comment) {
        List<String> changes = new ArrayList<>(comment.notes());
        String commentId = ImportedIds.commentId(format, site, comment.sourceId());
        String parentId = comment.parentSourceId() == null ? null
                : ImportedIds.commentId(format, site, comment.parentSourceId());
        String authorId = authorIds.of(format, comment.author());
        DisplayName name = DisplayNames.of(comment.author());
        if (name.changed() != null) {
            changes.add(name.changed());
        }
        String skipped = skipReason(comment);
        String body = null;
        Action action = Action.SKIP;
        if (skipped == null) {
            Bodies.Body converted = Bodies.of(comment, format == SourceFormat.WORDPRESS,
                    pageUrls.get(comment.topicSourceId()));
            changes.addAll(converted.changes());
            body = converted.text();
            if (comment.state() == SourceState.DELETED) {
                action = Action.POST_RETRACTED;
                if (body == null) {
                    body = Bodies.RETRACTED_PLACEHOLDER;
                }
            } else if (body == null) {
                skipped = "no text is left after converting the message";
            } else {
                action = Action.POST;
            }
        }
        sink.comment(new PlannedComment(commentId, comment.sourceId(), comment.topicSourceId(),
                comment.parentSourceId(), parentId, authorId, name.name(), comment.createdAt(), body, action, skipped,
                changes));
    }

    @Override
    public void unreadable(SourceKind kind, String sourceId, String reason) {
        sink.unreadable(kind, sourceId, reason);
    }

    private static String skipReason(SourceComment comment) {
        if (!comment.type().equals(SourceComment.ORDINARY)) {
            return "a " + comment.type() + ", not a comment";
        }
        return switch (comment.state()) {
            case SPAM -> "spam in the source";
            case UNAPPROVED -> "not approved in the source";
            case PUBLISHED, DELETED -> null;
        };
    }

    /** The source title on one line, at most 300 characters; without one, the page address or the topic id. */
    private static String title(SourceTopic topic, String topicId, List<String> changes) {
        String title = topic.title() == null ? "" : topic.title().replaceAll("[\\s\\p{Cc}]+", " ").strip();
        if (title.isEmpty()) {
            changes.add("the page has no title in the source");
            title = topic.url() != null ? topic.url().strip().replaceAll("[\\s\\p{Cc}]+", "") : topicId;
        }
        if (title.codePointCount(0, title.length()) > FieldRules.TITLE_MAX) {
            title = title.substring(0, title.offsetByCodePoints(0, FieldRules.TITLE_MAX - 1)).strip() + "…";
            changes.add("the title is longer than " + FieldRules.TITLE_MAX + " characters and was cut");
        }
        return title;
    }
}

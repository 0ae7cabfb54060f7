package commonplace.command.topic.model;

import commonplace.command.identity.Author;
import commonplace.command.links.SharedUrl;
import commonplace.command.links.UrlNormalizer;
import commonplace.command.topic.model.Commands.ImportComments;
import commonplace.command.topic.model.Commands.ImportedComment;
import commonplace.command.topic.model.Commands.ImportedTopic;
import commonplace.command.topic.model.Results.ImportOutcome;
import commonplace.command.topic.model.Results.ImportOutcome.Kind;
import commonplace.command.topic.model.Results.ImportResult;
import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.Imported;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.events.language.LanguageGuess;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The {@link Topic}'s rules for recording an import, apart from its own so that the aggregate stays about writers: an
 * item whose comment id the topic has is never recorded again (ids derive from the source ids, so this is the
 * once-only guarantee), only changed (an edit when the source's text changed, a retraction when the source deleted
 * it); a reply whose parent the topic does not have goes to the top level; the source's duplicates are kept (no
 * double-post rule); a locked topic still takes its history. Every event says where it came from
 * ({@link Imported}), with the source's time.
 */
final class TopicImport {

    static final String CLOSED_IN_SOURCE = "closed in the source";

    private final Topic topic;
    private final TopicLimits limits;
    private final TextDigests digests;

    TopicImport(Topic topic, TopicLimits limits, TextDigests digests) {
        this.topic = topic;
        this.limits = limits;
        this.digests = digests;
    }

    ImportResult record(ImportComments command) {
        boolean opened = false;
        if (topic.id() == null) {
            open(command.topicId(), command.topic(), command.importer());
            opened = true;
        }
        List<ImportOutcome> outcomes = new ArrayList<>(command.comments().size());
        for (ImportedComment item : command.comments()) {
            outcomes.add(record(item, command));
        }
        boolean locked = false;
        if (command.lockAfter() && !topic.isLocked()) {
            apply(new TopicLocked(topic.id(), CLOSED_IN_SOURCE, command.importer().id(), command.importer().name()));
            locked = true;
        }
        return new ImportResult(topic.id(), opened, locked, outcomes, Topic.lastSequence());
    }

    private void open(String topicId, ImportedTopic source, Author importer) {
        SharedUrl url = source.url() == null ? null : UrlNormalizer.tryNormalize(source.url()).orElse(null);
        apply(new TopicOpened(topicId, source.title(), url == null ? null : source.url(),
                url == null ? null : url.normalizedUrl(), null, importer.id(), importer.name(),
                new Imported(source.source(), source.sourceId(), source.at())));
    }

    private ImportOutcome record(ImportedComment item, ImportComments command) {
        try {
            FieldRules.check().body("body", item.body()).orThrow();
        } catch (InvalidInputException e) {
            return new ImportOutcome(item.commentId(), Kind.REFUSED, false, e.getMessage());
        }
        CommentState existing = topic.comment(item.commentId());
        if (existing != null) {
            return change(item, existing, command);
        }
        Imported imported = new Imported(item.source(), item.sourceId(), item.at());
        boolean reply = item.parentId() != null && topic.comment(item.parentId()) != null;
        if (reply) {
            apply(new ReplyPosted(topic.id(), item.commentId(), item.parentId(), item.body(), item.authorId(),
                    item.authorName(), imported));
        } else {
            apply(new CommentPosted(topic.id(), item.commentId(), item.body(), LanguageGuess.of(item.body()),
                    item.authorId(), item.authorName(), imported));
        }
        topic.shareNewLinks(item.commentId(), item.body(), new Author(item.authorId(), item.authorName(), false),
                limits, digests);
        boolean movedToTop = item.parentId() != null && !reply;
        if (item.deleted()) {
            retract(item, imported, command.importer());
            return new ImportOutcome(item.commentId(), Kind.RETRACTED_NEW, movedToTop, null);
        }
        return new ImportOutcome(item.commentId(), reply ? Kind.REPLY : Kind.COMMENT, movedToTop, null);
    }

    /** An item an earlier import recorded: its retraction or edit if the source changed it since, else nothing. */
    private ImportOutcome change(ImportedComment item, CommentState existing, ImportComments command) {
        if (existing.erased()) {
            // its author was erased: the place stays a placeholder, an import never writes their text back
            return new ImportOutcome(item.commentId(), Kind.ALREADY_THERE, false, null);
        }
        boolean sameBody = existing.hasBody(digests.digest(existing.authorId(), item.body()));
        if (existing.retracted()) {
            return new ImportOutcome(item.commentId(),
                    item.deleted() || sameBody ? Kind.ALREADY_THERE : Kind.KEPT_RETRACTED,
                    false, null);
        }
        if (item.deleted()) {
            retract(item, new Imported(item.source(), item.sourceId(), item.at()), command.importer());
            return new ImportOutcome(item.commentId(), Kind.RETRACTED, false, null);
        }
        if (sameBody) {
            return new ImportOutcome(item.commentId(), Kind.ALREADY_THERE, false, null);
        }
        // the source keeps no time for an edit: the edit is as of this import
        apply(new CommentEdited(topic.id(), item.commentId(), existing.revision() + 1, item.body(), item.authorId(),
                item.authorName(), new Imported(item.source(), item.sourceId(), command.importedAt())));
        topic.shareNewLinks(item.commentId(), item.body(), new Author(item.authorId(), item.authorName(), false),
                limits, digests);
        return new ImportOutcome(item.commentId(), Kind.EDITED, false, null);
    }

    private void retract(ImportedComment item, Imported imported, Author importer) {
        apply(new CommentRetracted(topic.id(), item.commentId(), null, true, importer.id(), importer.name(), imported));
    }
}

package commonplace.command.topic.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import commonplace.command.identity.Author;
import commonplace.command.links.SharedUrl;
import commonplace.command.links.UrlExtractor;
import commonplace.command.links.UrlNormalizer;
import commonplace.command.topic.model.Commands.EditComment;
import commonplace.command.topic.model.Commands.ImportComments;
import commonplace.command.topic.model.Commands.LockTopic;
import commonplace.command.topic.model.Commands.OpenTopic;
import commonplace.command.topic.model.Commands.PostComment;
import commonplace.command.topic.model.Commands.PostReply;
import commonplace.command.topic.model.Commands.RecordErasure;
import commonplace.command.topic.model.Commands.RetractComment;
import commonplace.command.topic.model.Commands.ShareLink;
import commonplace.command.topic.model.Commands.UnlockTopic;
import commonplace.command.topic.model.Results.CommentResult;
import commonplace.command.topic.model.Results.ImportResult;
import commonplace.command.topic.model.Results.ShareResult;
import commonplace.command.topic.model.Results.TopicChanged;
import commonplace.command.topic.model.Results.TopicOpenedResult;
import commonplace.events.AuthorErased;
import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.events.TopicUnlocked;
import commonplace.events.language.LanguageGuess;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One discussion topic and every rule about it: the fields of each command ({@link FieldRules}), it exists and is
 * not locked, parents exist here and are not retracted, replies nest no deeper than {@link TopicLimits} allow, only
 * authors edit, moderators retract and lock, edits name the current revision, no accidental double posts, and one
 * LinkShared per new URL among the first links of a body, erased authors' comments stay placeholders. Decides in
 * command handlers; changes state only in event sourcing handlers. It holds no personal text: bodies and shared
 * addresses only as keyed digests under their author's data key ({@link TextDigests}). Its state round-trips through
 * Jackson for snapshots; the revision names the snapshot's shape (4: keyed digests, erasures), and a snapshot of
 * another revision is ignored (the topic is then loaded from its events).
 */
@Revision("4")
@Aggregate(snapshotTriggerDefinition = "topicSnapshotTrigger", cache = "topicCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Topic {

    @AggregateIdentifier
    private String topicId;
    private String title;
    private String normalizedUrl;
    private String description;
    private boolean locked;
    private Map<String, CommentState> comments = new HashMap<>();
    private RecentPosts recentPosts = new RecentPosts();
    /** The erasures recorded here, so that each is recorded once. */
    private Set<String> erasureIds = new LinkedHashSet<>();

    protected Topic() {
        // for Axon and Jackson
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TopicOpenedResult handle(OpenTopic command) {
        FieldRules.check().title("title", command.title()).url("url", command.url(), false)
                .optionalText("description", command.description(), FieldRules.DESCRIPTION_MAX).orThrow();
        String wantedTitle = command.title().strip();
        String wantedDescription = blankToNull(command.description());
        SharedUrl url = command.url() == null ? null : UrlNormalizer.normalize(command.url());
        if (topicId != null) {
            boolean same = title.equals(wantedTitle) && Objects.equals(description, wantedDescription)
                    && Objects.equals(normalizedUrl, url == null ? null : url.normalizedUrl());
            if (!same) {
                throw new TopicDiffersException(topicId);
            }
            return new TopicOpenedResult(topicId, false, lastSequence());
        }
        Author author = command.author();
        apply(new TopicOpened(command.topicId(), wantedTitle, command.url(), url == null ? null : url.normalizedUrl(),
                wantedDescription, author.id(), author.name()));
        return new TopicOpenedResult(command.topicId(), true, lastSequence());
    }

    @CommandHandler
    CommentResult handle(PostComment command, TopicLimits limits, TextDigests digests) {
        FieldRules.check().body("body", command.body()).language("language", command.language()).orThrow();
        requireUnlocked();
        requireNewId(command.commentId());
        refuseDoublePost(command.author(), command.body(), digests);
        Author author = command.author();
        String language = command.language() != null ? command.language() : LanguageGuess.of(command.body());
        apply(new CommentPosted(topicId, command.commentId(), command.body(), language, author.id(), author.name()));
        shareNewLinks(command.commentId(), command.body(), author, limits, digests);
        return new CommentResult(command.commentId(), topicId, 1, lastSequence());
    }

    @CommandHandler
    CommentResult handle(PostReply command, TopicLimits limits, TextDigests digests) {
        FieldRules.check().body("body", command.body()).orThrow();
        requireUnlocked();
        CommentState parent = requireLiveComment(command.parentId());
        if (parent.depth() >= limits.maxReplyDepth()) {
            throw new ReplyTooDeepException(command.parentId(), limits.maxReplyDepth());
        }
        requireNewId(command.commentId());
        refuseDoublePost(command.author(), command.body(), digests);
        Author author = command.author();
        apply(new ReplyPosted(topicId, command.commentId(), command.parentId(), command.body(), author.id(),
                author.name()));
        shareNewLinks(command.commentId(), command.body(), author, limits, digests);
        return new CommentResult(command.commentId(), topicId, 1, lastSequence());
    }

    @CommandHandler
    CommentResult handle(EditComment command, TopicLimits limits, TextDigests digests) {
        FieldRules.check().body("body", command.body()).orThrow();
        CommentState comment = requireLiveComment(command.commentId());
        if (!comment.authorId().equals(command.author().id())) {
            throw new NotAllowedException("only the author of a comment may edit it");
        }
        requireUnlocked();
        if (command.expectedRevision() != comment.revision()) {
            throw new StaleRevisionException(command.commentId(), command.expectedRevision(), comment.revision());
        }
        if (comment.hasBody(digests.digest(comment.authorId(), command.body()))) {
            return new CommentResult(command.commentId(), topicId, comment.revision(), lastSequence());
        }
        Author author = command.author();
        int revision = comment.revision() + 1;
        apply(new CommentEdited(topicId, command.commentId(), revision, command.body(), author.id(), author.name()));
        shareNewLinks(command.commentId(), command.body(), author, limits, digests);
        return new CommentResult(command.commentId(), topicId, revision, lastSequence());
    }

    @CommandHandler
    TopicChanged handle(RetractComment command) {
        FieldRules.check().optionalText("reason", command.reason(), FieldRules.REASON_MAX).orThrow();
        CommentState comment = requireComment(command.commentId());
        Author author = command.author();
        boolean byAuthor = comment.authorId().equals(author.id());
        if (!byAuthor && !author.moderator()) {
            throw new NotAllowedException("only the author or a moderator may retract a comment");
        }
        if (comment.retracted()) {
            return new TopicChanged(topicId, false, lastSequence());
        }
        apply(new CommentRetracted(topicId, command.commentId(), blankToNull(command.reason()), !byAuthor, author.id(),
                author.name()));
        return new TopicChanged(topicId, true, lastSequence());
    }

    @CommandHandler
    ShareResult handle(ShareLink command) {
        FieldRules.check().url("url", command.url(), true)
                .optionalText("note", command.note(), FieldRules.NOTE_MAX)
                .optionalCommentId("parentId", command.parentId()).orThrow();
        requireUnlocked();
        if (command.parentId() != null) {
            CommentState parent = comments.get(command.parentId());
            if (parent == null) {
                throw new UnknownParentException(command.parentId(), topicId);
            }
            if (parent.retracted()) {
                throw new CommentRetractedException(command.parentId());
            }
            if (parent.erased()) {
                throw new CommentErasedException(command.parentId());
            }
        }
        SharedUrl url = UrlNormalizer.normalize(command.url());
        Author author = command.author();
        apply(new LinkShared(topicId, command.shareId(), command.parentId(), LinkOrigin.SHARE, url.url(),
                url.normalizedUrl(), url.domain(), blankToNull(command.note()), author.id(), author.name()));
        return new ShareResult(command.shareId(), topicId, lastSequence());
    }

    /** An import's part for this topic: the rules are {@link TopicImport}'s. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ImportResult handle(ImportComments command, TopicLimits limits, TextDigests digests) {
        return new TopicImport(this, limits, digests).record(command);
    }

    @CommandHandler
    TopicChanged handle(LockTopic command) {
        FieldRules.check().optionalText("reason", command.reason(), FieldRules.REASON_MAX).orThrow();
        requireModerator(command.author(), "lock");
        if (locked) {
            return new TopicChanged(topicId, false, lastSequence());
        }
        apply(new TopicLocked(topicId, blankToNull(command.reason()), command.author().id(), command.author().name()));
        return new TopicChanged(topicId, true, lastSequence());
    }

    @CommandHandler
    TopicChanged handle(UnlockTopic command) {
        requireModerator(command.author(), "unlock");
        if (!locked) {
            return new TopicChanged(topicId, false, lastSequence());
        }
        apply(new TopicUnlocked(topicId, command.author().id(), command.author().name()));
        return new TopicChanged(topicId, true, lastSequence());
    }

    /** Records the erasure here once, whether or not the topic is locked: readers must hear of it in every topic. */
    @CommandHandler
    TopicChanged handle(RecordErasure command) {
        if (erasureIds.contains(command.erasureId())) {
            return new TopicChanged(topicId, false, lastSequence());
        }
        apply(new AuthorErased(topicId, command.erasedAuthorId(), command.erasedKeyIds(), command.erasureId(),
                command.topicCount(), command.requestedBy()));
        return new TopicChanged(topicId, true, lastSequence());
    }

    @EventSourcingHandler
    void on(TopicOpened event) {
        topicId = event.topicId();
        title = event.title();
        normalizedUrl = event.normalizedUrl();
        description = event.description();
    }

    @EventSourcingHandler
    void on(CommentPosted event, @Timestamp Instant at, TextDigests digests) {
        posted(event.commentId(), event.authorId(), 0, event.body(), at, digests, event.imported() == null);
    }

    @EventSourcingHandler
    void on(ReplyPosted event, @Timestamp Instant at, TextDigests digests) {
        CommentState parent = comments.get(event.parentId());
        int depth = parent == null ? 1 : parent.depth() + 1;
        posted(event.commentId(), event.authorId(), depth, event.body(), at, digests, event.imported() == null);
    }

    /**
     * A body that is null here could not be read (its key was destroyed): the comment is a placeholder. An imported
     * comment never counts for the double-post rule (the source's duplicates are kept as they were).
     */
    private void posted(String commentId, String authorId, int depth, String body, Instant at, TextDigests digests,
                        boolean written) {
        String bodyDigest = digests.digest(authorId, body);
        comments.put(commentId, CommentState.posted(authorId, depth, bodyDigest));
        if (body != null && written) {
            recentPosts.posted(authorId, commentId, strippedDigest(authorId, body, bodyDigest, digests), at);
        }
    }

    @EventSourcingHandler
    void on(CommentEdited event, TextDigests digests) {
        String authorId = event.authorId();
        String bodyDigest = digests.digest(authorId, event.body());
        comments.computeIfPresent(event.commentId(), (id, comment) -> comment.edited(event.revision(), bodyDigest));
        if (event.body() == null) {
            recentPosts.retracted(event.commentId());
        } else {
            recentPosts.edited(event.commentId(), strippedDigest(authorId, event.body(), bodyDigest, digests));
        }
    }

    /** The double-post rule compares stripped bodies; most bodies have nothing to strip and so the same digest. */
    private static String strippedDigest(String authorId, String body, String bodyDigest, TextDigests digests) {
        String stripped = body.strip();
        return stripped.equals(body) ? bodyDigest : digests.digest(authorId, stripped);
    }

    @EventSourcingHandler
    void on(CommentRetracted event) {
        comments.computeIfPresent(event.commentId(), (id, comment) -> comment.retract());
        recentPosts.retracted(event.commentId());
    }

    @EventSourcingHandler
    void on(LinkShared event, TextDigests digests) {
        if (event.origin() == LinkOrigin.BODY && event.commentId() != null && event.normalizedUrl() != null) {
            String digest = digests.digest(event.authorId(), event.normalizedUrl());
            comments.computeIfPresent(event.commentId(), (id, comment) -> comment.withSharedUrl(digest));
        }
    }

    @EventSourcingHandler
    void on(AuthorErased event) {
        erasureIds.add(event.erasureId());
        comments.replaceAll((id, comment) ->
                comment.authorId().equals(event.erasedAuthorId()) ? comment.erase() : comment);
        recentPosts.forgetAuthor(event.erasedAuthorId());
    }

    @EventSourcingHandler
    void on(TopicLocked event) {
        locked = true;
    }

    @EventSourcingHandler
    void on(TopicUnlocked event) {
        locked = false;
    }

    /**
     * One LinkShared per URL among the first {@code maxLinksPerBody} of {@code body} not yet shared from this comment;
     * share ids derive from the comment id and the address's keyed digest (a plain digest would let anyone test
     * guessed addresses against it).
     */
    void shareNewLinks(String commentId, String body, Author author, TopicLimits limits, TextDigests digests) {
        for (SharedUrl url : UrlExtractor.extract(body, limits.maxLinksPerBody())) {
            String urlDigest = digests.digest(author.id(), url.normalizedUrl());
            if (comments.get(commentId).sharedUrlDigests().contains(urlDigest)) {
                continue;
            }
            apply(new LinkShared(topicId, Hashes.derivedId(commentId, urlDigest), commentId,
                    LinkOrigin.BODY, url.url(), url.normalizedUrl(), url.domain(), null, author.id(), author.name()));
        }
    }

    private void refuseDoublePost(Author author, String body, TextDigests digests) {
        Instant now = GenericEventMessage.clock.instant();
        recentPosts.duplicateOf(author.id(), digests.digest(author.id(), body.strip()), now).ifPresent(original -> {
            throw new DuplicatePostException(original);
        });
    }

    private void requireUnlocked() {
        if (locked) {
            throw new TopicLockedException(topicId);
        }
    }

    private void requireNewId(String commentId) {
        if (comments.containsKey(commentId)) {
            throw new IdInUseException(commentId);
        }
    }

    private CommentState requireComment(String commentId) {
        CommentState comment = comments.get(commentId);
        if (comment == null) {
            throw new CommentNotFoundException(commentId);
        }
        return comment;
    }

    private CommentState requireLiveComment(String commentId) {
        CommentState comment = requireComment(commentId);
        if (comment.retracted()) {
            throw new CommentRetractedException(commentId);
        }
        if (comment.erased()) {
            throw new CommentErasedException(commentId);
        }
        return comment;
    }

    private static void requireModerator(Author author, String action) {
        if (!author.moderator()) {
            throw new NotAllowedException("only a moderator may " + action + " a topic");
        }
    }

    String id() {
        return topicId;
    }

    boolean isLocked() {
        return locked;
    }

    /** The comment or reply with this id, or null. */
    CommentState comment(String commentId) {
        return comments.get(commentId);
    }

    /** The 1-based sequence of the topic's last event, including those applied by the command being handled. */
    static long lastSequence() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version + 1;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package commonplace.command.topic.web;

import commonplace.command.identity.Author;
import commonplace.command.idempotency.IdempotentCommands;
import commonplace.command.topic.model.Commands.LockTopic;
import commonplace.command.topic.model.Commands.OpenTopic;
import commonplace.command.topic.model.Commands.PostComment;
import commonplace.command.topic.model.Commands.ShareLink;
import commonplace.command.topic.model.Commands.UnlockTopic;
import commonplace.command.topic.model.Results.CommentResult;
import commonplace.command.topic.model.Results.ShareResult;
import commonplace.command.topic.model.Results.TopicChanged;
import commonplace.command.topic.model.Results.TopicOpenedResult;
import commonplace.command.topic.web.Answers.CommentAnswer;
import commonplace.command.topic.web.Answers.ShareAnswer;
import commonplace.command.topic.web.Answers.TopicAnswer;
import commonplace.command.topic.web.Requests.OpenTopicRequest;
import commonplace.command.topic.web.Requests.PostCommentRequest;
import commonplace.command.topic.web.Requests.ReasonRequest;
import commonplace.command.topic.web.Requests.ShareLinkRequest;
import commonplace.web.openapi.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static commonplace.web.problem.ProblemType.DUPLICATE_POST;
import static commonplace.web.problem.ProblemType.FORBIDDEN;
import static commonplace.web.problem.ProblemType.NOT_FOUND;
import static commonplace.web.problem.ProblemType.TOPIC_EXISTS;
import static commonplace.web.problem.ProblemType.TOPIC_LOCKED;
import static commonplace.web.problem.ProblemType.UNKNOWN_PARENT;

/**
 * Commands addressed to a topic: open it, comment on it, share a link in it, lock and unlock it. Only HTTP is read
 * here (path, body, token); every field rule is the topic's own.
 */
@RestController
@RequestMapping("/api/v1/topics/{topicId}")
@Tag(name = "topics", description = "Open a topic, comment on it, share links in it, lock and unlock it")
class TopicController {

    private final IdempotentCommands commands;

    TopicController(IdempotentCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Open a topic (idempotent: the same again is 200, another title, url or description 409)")
    @ApiResponse(responseCode = "201", description = "opened")
    @ApiResponse(responseCode = "200", description = "already open with this title, url and description")
    @ProblemAnswers(TOPIC_EXISTS)
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TopicAnswer> open(@PathVariable String topicId, @RequestBody OpenTopicRequest body,
                                     @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.topicId(topicId);
        TopicOpenedResult result = commands.send(
                new OpenTopic(topicId, body.title(), body.url(), body.description(), author), author, request, body);
        TopicAnswer answer = new TopicAnswer(topicId, Answers.position(topicId, result.lastSequence()));
        return result.created()
                ? ResponseEntity.created(Answers.location("/api/v1/topics/{topicId}", topicId)).body(answer)
                : ResponseEntity.ok(answer);
    }

    @Operation(summary = "Comment on a topic (every URL in the body is also recorded as a shared link)")
    @ApiResponse(responseCode = "201", description = "recorded")
    @ProblemAnswers({NOT_FOUND, TOPIC_LOCKED, DUPLICATE_POST})
    @PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommentAnswer> comment(@PathVariable String topicId, @RequestBody PostCommentRequest body,
                                          @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.topicId(topicId);
        CommentResult result = commands.send(
                new PostComment(topicId, EntityIds.newId(), body.body(), body.language(), author),
                author, request, body);
        return ResponseEntity.created(Answers.location("/api/v1/comments/{commentId}", result.commentId()))
                .body(new CommentAnswer(result.commentId(), topicId, result.revision(),
                        Answers.position(topicId, result.lastSequence())));
    }

    @Operation(summary = "Share a link in a topic, optionally under a comment (parentId)")
    @ApiResponse(responseCode = "201", description = "recorded")
    @ProblemAnswers({NOT_FOUND, TOPIC_LOCKED, UNKNOWN_PARENT})
    @PostMapping(path = "/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShareAnswer> share(@PathVariable String topicId, @RequestBody ShareLinkRequest body,
                                      @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.topicId(topicId);
        ShareResult result = commands.send(
                new ShareLink(topicId, EntityIds.newId(), body.url(), body.note(), body.parentId(), author),
                author, request, body);
        return ResponseEntity.created(Answers.location("/api/v1/topics/{topicId}/links/{shareId}", topicId,
                        result.shareId()))
                .body(new ShareAnswer(result.shareId(), topicId, 1, Answers.position(topicId, result.lastSequence())));
    }

    @Operation(summary = "Lock a topic (moderators): no new comments, replies, edits or links until it is unlocked")
    @ApiResponse(responseCode = "204", description = "locked")
    @ProblemAnswers({NOT_FOUND, FORBIDDEN})
    @PostMapping("/lock")
    ResponseEntity<Void> lock(@PathVariable String topicId, @RequestBody(required = false) ReasonRequest body,
                              @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.topicId(topicId);
        String reason = body == null ? null : body.reason();
        TopicChanged result = commands.send(new LockTopic(topicId, reason, author), author, request, body);
        return ResponseEntity.noContent().headers(Answers.positionHeader(topicId, result.lastSequence())).build();
    }

    @Operation(summary = "Unlock a topic (moderators)")
    @ApiResponse(responseCode = "204", description = "unlocked")
    @ProblemAnswers({NOT_FOUND, FORBIDDEN})
    @PostMapping("/unlock")
    ResponseEntity<Void> unlock(@PathVariable String topicId, @AuthenticationPrincipal Author author,
                                HttpServletRequest request) {
        PathIds.topicId(topicId);
        TopicChanged result = commands.send(new UnlockTopic(topicId, author), author, request, null);
        return ResponseEntity.noContent().headers(Answers.positionHeader(topicId, result.lastSequence())).build();
    }
}

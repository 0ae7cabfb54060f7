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

/**
 * Commands addressed to a topic: open it, comment on it, share a link in it, lock and unlock it. Only HTTP is read
 * here (path, body, token); every field rule is the topic's own.
 */
@RestController
@RequestMapping("/api/v1/topics/{topicId}")
class TopicController {

    private final IdempotentCommands commands;

    TopicController(IdempotentCommands commands) {
        this.commands = commands;
    }

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

    @PostMapping("/lock")
    ResponseEntity<Void> lock(@PathVariable String topicId, @RequestBody(required = false) ReasonRequest body,
                              @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.topicId(topicId);
        String reason = body == null ? null : body.reason();
        TopicChanged result = commands.send(new LockTopic(topicId, reason, author), author, request, body);
        return ResponseEntity.noContent().headers(Answers.positionHeader(topicId, result.lastSequence())).build();
    }

    @PostMapping("/unlock")
    ResponseEntity<Void> unlock(@PathVariable String topicId, @AuthenticationPrincipal Author author,
                                HttpServletRequest request) {
        PathIds.topicId(topicId);
        TopicChanged result = commands.send(new UnlockTopic(topicId, author), author, request, null);
        return ResponseEntity.noContent().headers(Answers.positionHeader(topicId, result.lastSequence())).build();
    }
}

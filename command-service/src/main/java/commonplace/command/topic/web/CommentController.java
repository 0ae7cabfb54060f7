package commonplace.command.topic.web;

import commonplace.command.directory.CommentDirectory;
import commonplace.command.identity.Author;
import commonplace.command.idempotency.IdempotentCommands;
import commonplace.command.topic.model.CommentNotFoundException;
import commonplace.command.topic.model.Commands.EditComment;
import commonplace.command.topic.model.Commands.PostReply;
import commonplace.command.topic.model.Commands.RetractComment;
import commonplace.command.topic.model.InvalidInputException;
import commonplace.command.topic.model.Results.CommentResult;
import commonplace.command.topic.model.Results.TopicChanged;
import commonplace.command.topic.web.Answers.CommentAnswer;
import commonplace.command.topic.web.Requests.BodyRequest;
import commonplace.command.topic.web.Requests.ReasonRequest;
import commonplace.command.web.PreconditionRequiredException;
import commonplace.web.openapi.ApiComponents;
import commonplace.web.openapi.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static commonplace.web.problem.ProblemType.COMMENT_RETRACTED;
import static commonplace.web.problem.ProblemType.DUPLICATE_POST;
import static commonplace.web.problem.ProblemType.FORBIDDEN;
import static commonplace.web.problem.ProblemType.NOT_FOUND;
import static commonplace.web.problem.ProblemType.PRECONDITION_REQUIRED;
import static commonplace.web.problem.ProblemType.REPLY_TOO_DEEP;
import static commonplace.web.problem.ProblemType.STALE_REVISION;
import static commonplace.web.problem.ProblemType.TOPIC_LOCKED;

/**
 * Commands addressed to a comment: reply to it, edit it, retract it. The directory says which topic it is in; the
 * topic checks every field.
 */
@RestController
@RequestMapping("/api/v1/comments/{commentId}")
@Tag(name = "comments", description = "Reply to a comment, edit it, retract it")
@ProblemAnswers(NOT_FOUND)
class CommentController {

    private static final Pattern REVISION_TAG = Pattern.compile("(?:W/)?\"([1-9][0-9]{0,8})\"");

    private final IdempotentCommands commands;
    private final CommentDirectory directory;

    CommentController(IdempotentCommands commands, CommentDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @Operation(summary = "Reply to a comment")
    @ApiResponse(responseCode = "201", description = "recorded")
    @ProblemAnswers({TOPIC_LOCKED, COMMENT_RETRACTED, REPLY_TOO_DEEP, DUPLICATE_POST})
    @PostMapping(path = "/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommentAnswer> reply(@PathVariable String commentId, @RequestBody BodyRequest body,
                                        @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.commentId(commentId);
        String topicId = topicOf(commentId);
        CommentResult result = commands.send(
                new PostReply(topicId, EntityIds.newId(), commentId, body.body(), author), author, request, body);
        return ResponseEntity.created(Answers.location("/api/v1/comments/{commentId}", result.commentId()))
                .body(new CommentAnswer(result.commentId(), topicId, result.revision(),
                        Answers.position(topicId, result.lastSequence())));
    }

    @Operation(summary = "Edit a comment: its author only, with the revision it is based on in If-Match")
    @ApiResponse(responseCode = "200", description = "edited; the ETag is the new revision",
            headers = @Header(name = ApiComponents.ETAG, ref = ApiComponents.ETAG))
    @ProblemAnswers({FORBIDDEN, TOPIC_LOCKED, COMMENT_RETRACTED, STALE_REVISION, PRECONDITION_REQUIRED})
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommentAnswer> edit(@PathVariable String commentId, @RequestBody BodyRequest body,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.commentId(commentId);
        int expectedRevision = expectedRevision(ifMatch);
        String topicId = topicOf(commentId);
        CommentResult result = commands.send(
                new EditComment(topicId, commentId, expectedRevision, body.body(), author), author, request, body);
        return ResponseEntity.ok()
                .eTag("\"" + result.revision() + "\"")
                .body(new CommentAnswer(commentId, topicId, result.revision(),
                        Answers.position(topicId, result.lastSequence())));
    }

    @Operation(summary = "Retract a comment: its author or a moderator; its text is never shown again")
    @ApiResponse(responseCode = "204", description = "retracted")
    @ProblemAnswers({FORBIDDEN, COMMENT_RETRACTED})
    @DeleteMapping
    ResponseEntity<Void> retract(@PathVariable String commentId, @RequestBody(required = false) ReasonRequest body,
                                 @AuthenticationPrincipal Author author, HttpServletRequest request) {
        PathIds.commentId(commentId);
        String reason = body == null ? null : body.reason();
        String topicId = topicOf(commentId);
        TopicChanged result = commands.send(new RetractComment(topicId, commentId, reason, author), author, request,
                body);
        return ResponseEntity.noContent().headers(Answers.positionHeader(topicId, result.lastSequence())).build();
    }

    private String topicOf(String commentId) {
        return directory.topicOf(commentId).orElseThrow(() -> new CommentNotFoundException(commentId));
    }

    private static int expectedRevision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(
                    "an edit needs If-Match: \"<revision>\" with the revision it is based on");
        }
        Matcher matcher = REVISION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw InvalidInputException.of(HttpHeaders.IF_MATCH, "must be the quoted revision, such as \"1\"");
        }
        return Integer.parseInt(matcher.group(1));
    }
}

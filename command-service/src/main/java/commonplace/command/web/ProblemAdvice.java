package commonplace.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import commonplace.command.idempotency.IdempotencyKeyReusedException;
import commonplace.command.ratelimit.RateLimitedException;
import commonplace.command.topic.model.CommentNotFoundException;
import commonplace.command.topic.model.CommentRetractedException;
import commonplace.command.topic.model.DuplicatePostException;
import commonplace.command.topic.model.IdInUseException;
import commonplace.command.topic.model.InvalidInputException;
import commonplace.command.topic.model.NotAllowedException;
import commonplace.command.topic.model.ReplyTooDeepException;
import commonplace.command.topic.model.StaleRevisionException;
import commonplace.command.topic.model.TopicDiffersException;
import commonplace.command.topic.model.TopicLockedException;
import commonplace.command.topic.model.TopicNotFoundException;
import commonplace.command.topic.model.UnknownParentException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps every refusal to the contract's problem+json answer, once: rule violations of the aggregate, unreadable or
 * wrongly typed JSON, Spring MVC's own errors, and anything unexpected (500 without details; the cause is logged).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e) {
        return validationFailed(e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
    }

    @ExceptionHandler({TopicNotFoundException.class, CommentNotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found", e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> topicNotFound(AggregateNotFoundException e) {
        return notFound(new TopicNotFoundException(String.valueOf(e.getAggregateIdentifier())));
    }

    @ExceptionHandler(TopicLockedException.class)
    ResponseEntity<Object> locked(TopicLockedException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "topic-locked", "Topic Locked", e.getMessage()));
    }

    @ExceptionHandler(CommentRetractedException.class)
    ResponseEntity<Object> retracted(CommentRetractedException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "comment-retracted", "Comment Retracted", e.getMessage()));
    }

    @ExceptionHandler(DuplicatePostException.class)
    ResponseEntity<Object> duplicate(DuplicatePostException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "duplicate-post", "Duplicate Post", e.getMessage());
        problem.setProperty("originalCommentId", e.originalCommentId());
        return answer(problem);
    }

    @ExceptionHandler(TopicDiffersException.class)
    ResponseEntity<Object> differs(TopicDiffersException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "topic-exists", "Topic Exists", e.getMessage()));
    }

    @ExceptionHandler(IdInUseException.class)
    ResponseEntity<Object> idInUse(IdInUseException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent Modification",
                "another change to this topic was recorded at the same moment; send the request again"));
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Object> forbidden(NotAllowedException e) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(StaleRevisionException.class)
    ResponseEntity<Object> stale(StaleRevisionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-revision", "Stale Revision",
                e.getMessage());
        problem.setProperty("currentRevision", e.currentRevision());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag("\"" + e.currentRevision() + "\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(PreconditionRequiredException e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition Required",
                e.getMessage()));
    }

    @ExceptionHandler(UnknownParentException.class)
    ResponseEntity<Object> unknownParent(UnknownParentException e) {
        return answer(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-parent", "Unknown Parent",
                e.getMessage()));
    }

    @ExceptionHandler(ReplyTooDeepException.class)
    ResponseEntity<Object> replyTooDeep(ReplyTooDeepException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "reply-too-deep", "Reply Too Deep",
                e.getMessage());
        problem.setProperty("maxReplyDepth", e.maxReplyDepth());
        return answer(problem);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException e) {
        return answer(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency Key Reused",
                e.getMessage()));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests",
                        "too many writes; try again in " + e.retryAfterSeconds() + " s"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (causedByOversizedBody(e)) {
            return answer(RequestSizeLimitFilter.tooLargeProblem());
        }
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("The event store is unreachable: {}", DatabaseUnavailable.summary(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service Unavailable",
                            "the event store cannot be reached right now; nothing was recorded, retry shortly"));
        }
        log.error("Unexpected failure while handling a request", e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error",
                "something went wrong on our side; the request may be retried"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causedByOversizedBody(e)) {
            return answer(RequestSizeLimitFilter.tooLargeProblem());
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validationFailed(List.of(Map.of("field", path(unknown),
                    "message", "is not accepted here" + ("authorId".equals(unknown.getPropertyName())
                            || "authorName".equals(unknown.getPropertyName())
                            ? ": the author is taken from the token" : ""))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return validationFailed(List.of(Map.of("field", path(mismatch),
                    "message", "must be " + describe(mismatch.getTargetType()))));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mismatch.getMessage().contains("end-of-input")) {
            return answer(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Bad Request",
                    "the request body must be a JSON object"));
        }
        if (cause instanceof JsonProcessingException && !(cause instanceof MismatchedInputException)) {
            return answer(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "the request body is not well-formed JSON"));
        }
        return answer(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Bad Request",
                "this request needs a JSON body"));
    }

    /** Spring MVC's own errors (405, 415, 404 for unknown paths, ...) get a contract type too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(URI.create(Problems.TYPE_PREFIX + slugFor(status)));
        }
        return answer;
    }

    private static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status.value();
        };
    }

    private static ResponseEntity<Object> validationFailed(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Validation Failed",
                errors.size() == 1 ? errors.get(0).get("field") + " " + errors.get(0).get("message")
                        : "the request has " + errors.size() + " invalid fields");
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean causedByOversizedBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }
}

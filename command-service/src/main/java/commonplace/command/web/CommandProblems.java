package commonplace.command.web;

import commonplace.command.idempotency.IdempotencyKeyReusedException;
import commonplace.command.ratelimit.RateLimitedException;
import commonplace.command.topic.model.CommentErasedException;
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
import commonplace.web.problem.ExceptionProblems;
import commonplace.web.problem.FieldProblem;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The write side's own refusals and the problems they are answered with; everything else (Spring MVC's errors,
 * unreadable JSON, an unreachable database) is answered by the shared web layer.
 */
@Configuration(proxyBeanMethods = false)
class CommandProblems {

    @Bean
    ExceptionProblems commandExceptionProblems() {
        return ExceptionProblems.builder()
                .map(InvalidInputException.class, e -> ProblemException.invalid(e.errors().stream()
                        .map(error -> new FieldProblem(error.field(), error.message())).toList()))
                .map(TopicNotFoundException.class, ProblemType.NOT_FOUND)
                .map(CommentNotFoundException.class, ProblemType.NOT_FOUND)
                .map(AggregateNotFoundException.class, e -> new ProblemException(ProblemType.NOT_FOUND,
                        new TopicNotFoundException(String.valueOf(e.getAggregateIdentifier())).getMessage()))
                .map(TopicLockedException.class, ProblemType.TOPIC_LOCKED)
                .map(CommentRetractedException.class, ProblemType.COMMENT_RETRACTED)
                .map(CommentErasedException.class, ProblemType.COMMENT_ERASED)
                .map(DuplicatePostException.class, ProblemType.DUPLICATE_POST,
                        (e, answer) -> answer.withProperty("originalCommentId", e.originalCommentId()))
                .map(TopicDiffersException.class, ProblemType.TOPIC_EXISTS)
                .map(IdInUseException.class, ProblemType.CONFLICT)
                .map(ConcurrencyException.class, e -> new ProblemException(ProblemType.CONCURRENT_MODIFICATION,
                        ProblemType.CONCURRENT_MODIFICATION.defaultDetail()))
                .map(NotAllowedException.class, ProblemType.FORBIDDEN)
                .map(StaleRevisionException.class, ProblemType.STALE_REVISION, (e, answer) -> answer
                        .withProperty("currentRevision", e.currentRevision())
                        .withHeader(HttpHeaders.ETAG, "\"" + e.currentRevision() + "\""))
                .map(PreconditionRequiredException.class, ProblemType.PRECONDITION_REQUIRED)
                .map(UnknownParentException.class, ProblemType.UNKNOWN_PARENT)
                .map(ReplyTooDeepException.class, ProblemType.REPLY_TOO_DEEP,
                        (e, answer) -> answer.withProperty("maxReplyDepth", e.maxReplyDepth()))
                .map(IdempotencyKeyReusedException.class, ProblemType.IDEMPOTENCY_KEY_REUSED)
                .map(RateLimitedException.class, e -> new ProblemException(ProblemType.RATE_LIMITED,
                        "too many writes; try again in " + e.retryAfterSeconds() + " s")
                        .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())))
                .build();
    }
}

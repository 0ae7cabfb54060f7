package commonplace.web.problem;

import commonplace.web.request.RequestSizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/**
 * Answers every exception of a request with a problem of the catalogue, once for both services: the
 * {@link ProblemException}s the code throws, Spring MVC's own errors (unknown path, wrong method, unsupported media
 * type, missing parameter...), unreadable or mistyped JSON, an oversized body, an unreachable database (503), and
 * each service's own exceptions through its {@link ExceptionProblems} table. Anything else is a 500 without details;
 * its cause is logged.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final List<ExceptionProblems> tables;

    public ProblemAdvice(List<ExceptionProblems> tables) {
        this.tables = List.copyOf(tables);
    }

    /**
     * The firewall checks parameter names and values only when they are read, here when Spring MVC reads a POSTed
     * form as the body; the URL itself was checked before the chain and got {@code FirewallRejections}' answer.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedParameter(RequestRejectedException rejected) {
        return answer(new ProblemException(ProblemType.MALFORMED_REQUEST,
                "a parameter name or value is not acceptable: no control characters or unpaired surrogates"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> any(Exception failure) {
        for (ExceptionProblems table : tables) {
            var answer = table.answer(failure);
            if (answer.isPresent()) {
                return answer(answer.get());
            }
        }
        if (RequestSizeLimitFilter.causedByOversizedBody(failure)) {
            return answer(RequestSizeLimitFilter.tooLarge(failure));
        }
        if (DatabaseUnavailable.isCause(failure)) {
            log.warn("The database is unreachable: {}", DatabaseUnavailable.summary(failure));
            return answer(unavailable(ProblemType.SERVICE_UNAVAILABLE.defaultDetail()));
        }
        log.error("Unexpected failure while handling a request", failure);
        return answer(new ProblemException(ProblemType.INTERNAL_ERROR, ProblemType.INTERNAL_ERROR.defaultDetail()));
    }

    /** 503 with the catalogue's {@code Retry-After}. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, detail).withHeader(HttpHeaders.RETRY_AFTER,
                String.valueOf(ProblemType.RETRY_AFTER_UNAVAILABLE_SECONDS));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestSizeLimitFilter.causedByOversizedBody(e)) {
            return answer(RequestSizeLimitFilter.tooLarge(e));
        }
        return answer(UnreadableBody.explain(e));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return answer(ProblemException.invalid(e.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return answer(ProblemException.invalid(missing.getHeaderName(), "is required"));
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        return answer(ProblemException.invalid(field == null ? "request" : field, "has the wrong format"));
    }

    /**
     * Spring MVC's own errors keep their status and detail and take the catalogue's type and title for that status;
     * an unknown path says so without echoing it.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
            return answer;
        }
        if (!(e instanceof ProblemException)) {
            ProblemType type = ProblemType.forStatus(answer.getStatusCode());
            problem.setType(type.type());
            problem.setTitle(type.title());
            problem.setStatus(type.status());
            if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException
                    || problem.getDetail() == null) {
                problem.setDetail(type.defaultDetail());
            }
        }
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.putAll(answer.getHeaders());
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == ProblemType.SERVICE_UNAVAILABLE.status().value()
                && !answerHeaders.containsKey(HttpHeaders.RETRY_AFTER)) {
            answerHeaders.set(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemType.RETRY_AFTER_UNAVAILABLE_SECONDS));
        }
        return ResponseEntity.status(problem.getStatus()).headers(answerHeaders).body(problem);
    }

    private static ResponseEntity<Object> answer(ErrorResponse problem) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }
}

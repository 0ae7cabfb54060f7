package commonplace.web.problem;

import commonplace.web.request.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container dispatches to the error page (a status a filter or Tomcat set, an exception thrown
 * outside Spring MVC) are answered as problems of the catalogue too, never as Spring Boot's error JSON or a white
 * label page, and never with exception details. Not an endpoint of the API, so not in its OpenAPI document.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemException answer;
        if (failure != null && RequestSizeLimitFilter.causedByOversizedBody(failure)) {
            answer = RequestSizeLimitFilter.tooLarge(failure);
        } else if (failure != null && DatabaseUnavailable.isCause(failure)) {
            answer = ProblemAdvice.unavailable(ProblemType.SERVICE_UNAVAILABLE.defaultDetail());
        } else {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value && value >= 400 && value < 600 ? value : 500;
            ProblemType type = ProblemType.forStatus(HttpStatusCode.valueOf(status));
            if (type == ProblemType.INTERNAL_ERROR && failure != null) {
                log.error("Unexpected failure outside Spring MVC", failure);
            }
            answer = new ProblemException(type, type.defaultDetail());
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            answer.getBody().setInstance(ProblemWriter.instance(path));
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }
}

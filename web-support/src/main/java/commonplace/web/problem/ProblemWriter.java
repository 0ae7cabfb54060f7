package commonplace.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Writes a problem answer straight to the servlet response, for what answers before Spring MVC does: filters, the
 * security chain's handlers and the servlet container's own error reports.
 */
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        write(request, response, problem.getBody());
    }

    /** Writes {@code problem} with the request's path as its {@code instance}. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        write(response, problem);
    }

    /** Writes {@code problem} as it is: for requests whose path must not be repeated (the firewall refused it). */
    public void write(HttpServletResponse response, ProblemException problem) throws IOException {
        problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        write(response, problem.getBody());
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(toJson(problem));
    }

    /** The problem's JSON, UTF-8. */
    public byte[] toJson(ProblemDetail problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request path as the problem's {@code instance}, or null when it is not a valid URI reference. */
    static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

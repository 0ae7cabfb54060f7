package commonplace.web.server;

import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report, replaced: what the servlet container refuses before any filter sees it (an encoded NUL
 * or slash in the path, illegal characters in the request line, a request line or headers over the limit, a NUL in a
 * header, an unsupported HTTP version or Expect) is answered as a problem of the catalogue instead of an HTML page,
 * without echoing anything of the request.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    /** Tomcat's message (in the JVM's language) when the request line and headers do not fit its header buffer. */
    private static final String HEADER_TOO_LARGE = StringManager.getManager(Http11InputBuffer.class)
            .getString("iib.requestheadertoolarge.error");

    private final ProblemWriter problems;

    ProblemErrorReportValve(ProblemWriter problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // an error is reported once; a 4xx or 5xx set without sendError (Tomcat's own 405 to TRACE) needs a body too
        if (status < 400 || response.getContentWritten() > 0 || (response.isError() && !response.setErrorReported())) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = isHeadersTooLarge(throwable) ? ProblemType.HEADERS_TOO_LARGE
                : ProblemType.forStatus(HttpStatusCode.valueOf(status));
        ProblemDetail problem = type.problem();
        try {
            response.setStatus(type.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            byte[] json = problems.toJson(problem);
            // the reporter is null when the response was hard committed already: then no body can follow
            Writer writer = response.getReporter();
            if (writer != null) {
                response.setContentLength(json.length);
                writer.write(new String(json, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response cannot take a body any more: nothing left to tell it
        }
    }

    /** Tomcat answers 400 when the request line or the headers overflow its buffer; that is a 431. */
    private static boolean isHeadersTooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(throwable.getMessage());
    }
}

package commonplace.web.request;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses request bodies over 64 KiB with 413 before anything reads them whole: at once when Content-Length says so,
 * otherwise (chunked bodies) as soon as reading passes the limit, whoever reads (Spring MVC's JSON reading, the form
 * filter of a PUT, a controller). An endpoint made for larger bodies (the import of an export) declares a
 * {@link PathLimit} of its own, which replaces the 64 KiB for that method and path only.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Another limit than 64 KiB for one method and exact path (no pattern: every exemption is named). */
    public record PathLimit(String method, String path, long maxBytes) {

        public PathLimit {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("a body limit must be at least 1 byte, not " + maxBytes);
            }
        }

        boolean matches(HttpServletRequest request) {
            String requestPath = request.getRequestURI().substring(request.getContextPath().length());
            return method.equalsIgnoreCase(request.getMethod()) && path.equals(requestPath);
        }
    }

    private final ProblemWriter problems;
    private final List<PathLimit> pathLimits;

    public RequestSizeLimitFilter(ProblemWriter problems) {
        this(problems, List.of());
    }

    public RequestSizeLimitFilter(ProblemWriter problems, List<PathLimit> pathLimits) {
        this.problems = problems;
        this.pathLimits = List.copyOf(pathLimits);
    }

    /** Thrown while reading past the limit; whoever catches a failure finds it in the cause chain and answers 413. */
    public static final class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body is larger than " + limit + " bytes", null);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The 413 answer, in one place. */
    public static ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "the request body must be at most " + MAX_BODY_BYTES + " bytes (64 KiB)");
    }

    /** The 413 answer for a body over {@code limit} bytes. */
    public static ProblemException tooLarge(long limit) {
        return limit == MAX_BODY_BYTES ? tooLarge()
                : new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the request body must be at most " + limit
                + " bytes here");
    }

    /** The 413 answer for the oversized body found in {@code failure}'s cause chain. */
    public static ProblemException tooLarge(Throwable failure) {
        BodyTooLargeException found = oversizedBody(failure);
        return found == null ? tooLarge() : tooLarge(found.limit());
    }

    public static boolean causedByOversizedBody(Throwable failure) {
        return oversizedBody(failure) != null;
    }

    private static BodyTooLargeException oversizedBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedByOversizedBody(e) || response.isCommitted()) {
                throw e;
            }
            refuse(request, response, limit);
        }
    }

    private long limitFor(HttpServletRequest request) {
        for (PathLimit pathLimit : pathLimits) {
            if (pathLimit.matches(request)) {
                return pathLimit.maxBytes();
            }
        }
        return MAX_BODY_BYTES;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the rest of the body is not read: the connection cannot carry another request
        response.setHeader("Connection", "close");
        problems.write(request, response, tooLarge(limit));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}

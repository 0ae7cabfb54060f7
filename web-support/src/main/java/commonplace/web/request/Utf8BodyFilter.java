package commonplace.web.request;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every body is read as UTF-8 (JSON is UTF-8, RFC 8259), so a body declared in another charset is refused with 415
 * instead of being decoded as something it says it is not ({@code charset=UTF-16} with UTF-8 bytes was read anyway).
 * A {@code Content-Type} with a wildcard ({@code *}{@code /*}, {@code application/*}) names no type at all (wildcards
 * belong in {@code Accept}) and is a 415 too: Spring MVC would fail on it with a 500 wherever it looks at the type.
 */
public class Utf8BodyFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public Utf8BodyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            problems.write(request, response, new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name a type, such as application/json, not a wildcard"));
            return;
        }
        String declared = declaredCharset(request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
            problems.write(request, response, new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be UTF-8: send charset=UTF-8 or no charset"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * The charset parameter exactly as sent (a quoted one is not UTF-8 here: what reads the body downstream would not
     * take it either), or null without one; an unreadable type is left to Spring MVC's 415.
     */
    static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            String charset = MediaType.parseMediaType(contentType).getParameter("charset");
            return charset;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}

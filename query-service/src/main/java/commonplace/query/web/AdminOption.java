package commonplace.query.web;

import commonplace.web.problem.ProblemType;
import commonplace.web.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Locale;

/**
 * {@code includeRetracted=true}: the explicit option by which an admin reads retracted text where the read models
 * still hold it (the events feed, {@code asOf}), and in the events feed the lock reasons, which are never public.
 * Anonymous readers never see it: the option without a token is 401, with any other token 403. Reads that take this option resolve the bearer token (see {@code SecurityConfig}).
 */
public final class AdminOption {

    public static final String INCLUDE_RETRACTED = "includeRetracted";

    private AdminOption() {
    }

    /** True when an admin asked for retracted text; false when the option is absent or false. */
    public static boolean includeRetracted(String value) {
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "false" -> {
                return false;
            }
            case "true" -> {
                requireAdmin();
                return true;
            }
            default -> throw ApiProblem.invalid(INCLUDE_RETRACTED, "must be true or false");
        }
    }

    /** The token's subject, or 401 when the request carries none. */
    public static JwtAuthenticationToken requireToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new ApiProblem(ProblemType.UNAUTHORIZED, "this request needs an Authorization: Bearer <token> header");
        }
        return token;
    }

    public static boolean isAdmin(JwtAuthenticationToken token) {
        return token.getAuthorities().stream().anyMatch(a -> Roles.ADMIN_AUTHORITY.equals(a.getAuthority()));
    }

    private static void requireAdmin() {
        if (!isAdmin(requireToken())) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "only an admin may read retracted text");
        }
    }
}

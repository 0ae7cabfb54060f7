package commonplace.web.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.List;

/**
 * The roles a token may grant in its {@code roles} claim (a JSON array of strings), and the authorities they become.
 * Any other role is ignored.
 */
public final class Roles {

    public static final String CLAIM = "roles";

    /** May lock and unlock topics and retract anyone's comment. */
    public static final String MODERATOR = "moderator";

    /** Authority of a moderator, for {@code hasAuthority}; {@code hasRole("MODERATOR")} means the same. */
    public static final String MODERATOR_AUTHORITY = "ROLE_MODERATOR";

    /**
     * May run the read side (rebuilds, and the status and metrics that describe it) and everything under
     * {@code /api/v1/admin}. A role of its own: an admin is no moderator unless the token says both.
     */
    public static final String ADMIN = "admin";

    public static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    private Roles() {
    }

    public static List<String> of(Jwt token) {
        Object roles = token.getClaims().get(CLAIM);
        if (!(roles instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    public static List<GrantedAuthority> authorities(Jwt token) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = of(token);
        if (roles.contains(MODERATOR)) {
            authorities.add(new SimpleGrantedAuthority(MODERATOR_AUTHORITY));
        }
        if (roles.contains(ADMIN)) {
            authorities.add(new SimpleGrantedAuthority(ADMIN_AUTHORITY));
        }
        return authorities;
    }
}

package commonplace.command.privacy;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/**
 * A caller of the key endpoint, as its verified token says: the subject names the consumer (for the audit), and only
 * a token with the {@code key-reader} role may read keys. Service tokens are minted for trusted consumers (the query
 * service, an analytics job) and for nothing else; an author's or an admin's token is not one.
 */
final class KeyReader extends AbstractAuthenticationToken {

    static final String ROLE = "key-reader";
    static final String AUTHORITY = "KEY_READER";

    private final String consumer;

    private KeyReader(String consumer, List<GrantedAuthority> authorities) {
        super(authorities);
        this.consumer = consumer;
        setAuthenticated(true);
    }

    static KeyReader from(Jwt token) {
        List<String> roles = token.hasClaim("roles") ? token.getClaimAsStringList("roles") : List.of();
        return new KeyReader(token.getSubject(), roles.contains(ROLE)
                ? List.of(new SimpleGrantedAuthority(AUTHORITY)) : List.of());
    }

    @Override
    public String getPrincipal() {
        return consumer;
    }

    /** Never the token itself: it must not end up in logs. */
    @Override
    public Object getCredentials() {
        return "[token]";
    }

    @Override
    public String getName() {
        return consumer;
    }
}

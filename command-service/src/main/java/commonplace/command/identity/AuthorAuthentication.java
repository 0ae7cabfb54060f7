package commonplace.command.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;

/** An authenticated request: its principal is the {@link Author} the verified token names. */
final class AuthorAuthentication extends AbstractAuthenticationToken {

    static final String MODERATOR_ROLE = "moderator";

    private final Author author;
    private final transient Jwt token;

    private AuthorAuthentication(Author author, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.author = author;
        this.token = token;
        setAuthenticated(true);
    }

    static AuthorAuthentication from(Jwt token) {
        List<String> roles = token.hasClaim("roles") ? token.getClaimAsStringList("roles") : List.of();
        boolean moderator = roles.contains(MODERATOR_ROLE);
        Author author = new Author(token.getSubject(), token.getClaimAsString("name").strip(), moderator);
        List<GrantedAuthority> authorities = moderator
                ? List.of(new SimpleGrantedAuthority("ROLE_MODERATOR")) : List.of();
        return new AuthorAuthentication(author, token, authorities);
    }

    @Override
    public Author getPrincipal() {
        return author;
    }

    /** Never the token itself: it must not end up in logs. */
    @Override
    public Object getCredentials() {
        return "[token]";
    }

    @Override
    public String getName() {
        return author.id();
    }

    Jwt token() {
        return token;
    }
}

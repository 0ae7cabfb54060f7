package commonplace.command.identity;

import commonplace.web.security.Roles;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;

/** An authenticated request: its principal is the {@link Author} the verified token names. */
final class AuthorAuthentication extends AbstractAuthenticationToken {

    private final Author author;
    private final transient Jwt token;

    private AuthorAuthentication(Author author, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.author = author;
        this.token = token;
        setAuthenticated(true);
    }

    static AuthorAuthentication from(Jwt token) {
        boolean moderator = Roles.of(token).contains(Roles.MODERATOR);
        Author author = new Author(token.getSubject(), token.getClaimAsString("name").strip(), moderator);
        return new AuthorAuthentication(author, token, Roles.authorities(token));
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

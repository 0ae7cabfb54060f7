package commonplace.web.security;

import commonplace.events.Identifiers;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/** A token names an author: {@code sub} is an author id, {@code name} 1..100 characters, {@code roles} strings. */
class AuthorClaimsValidator implements OAuth2TokenValidator<Jwt> {

    static final int MAX_NAME_LENGTH = 100;

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (!Identifiers.isAuthorId(token.getSubject())) {
            return invalid("the token's sub must be an author id of 1..64 of [A-Za-z0-9._-]");
        }
        Object name = token.getClaims().get("name");
        if (!(name instanceof String text) || text.isBlank()
                || text.codePointCount(0, text.length()) > MAX_NAME_LENGTH || hasControlCharacter(text)) {
            return invalid("the token's name must be a display name of 1..100 characters");
        }
        Object roles = token.getClaims().get(Roles.CLAIM);
        if (roles != null && !(roles instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            return invalid("the token's roles must be a list of strings");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }

    static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}

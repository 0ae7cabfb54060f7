package commonplace.web.security;

/** Start-up refusal: the service cannot verify tokens safely with what is configured. One line, safe to print. */
public class InvalidJwtSettingsException extends IllegalStateException {

    private final String action;

    InvalidJwtSettingsException(String message, String action) {
        super(message);
        this.action = action;
    }

    static InvalidJwtSettingsException secretTooShort(int length) {
        return new InvalidJwtSettingsException(length == 0
                ? "COMMONPLACE_JWT_SECRET is not set: to verify tokens, COMMONPLACE_JWT_SECRET must be set to at least "
                        + JwtSettings.MINIMUM_SECRET_BYTES + " bytes (HS256) or COMMONPLACE_JWT_JWK_SET_URI to an "
                        + "issuer's JWKS"
                : "COMMONPLACE_JWT_SECRET has " + length + " bytes: HS256 needs at least "
                        + JwtSettings.MINIMUM_SECRET_BYTES + " bytes",
                "Set COMMONPLACE_JWT_SECRET to a random string of at least " + JwtSettings.MINIMUM_SECRET_BYTES
                        + " bytes (the local launcher supplies a development one), or COMMONPLACE_JWT_JWK_SET_URI.");
    }

    static InvalidJwtSettingsException developmentSecret() {
        return new InvalidJwtSettingsException("COMMONPLACE_JWT_SECRET is the published development secret: anyone can "
                + "mint tokens with it, so the service accepts it only when started by ./commonplace up (which listens "
                + "on 127.0.0.1 alone and sets COMMONPLACE_JWT_ALLOW_DEVELOPMENT_SECRET)",
                "Set COMMONPLACE_JWT_SECRET to a random string of at least " + JwtSettings.MINIMUM_SECRET_BYTES
                        + " bytes, e.g. $(openssl rand -base64 48).");
    }

    static InvalidJwtSettingsException issuerAndAudienceRequired() {
        return new InvalidJwtSettingsException("COMMONPLACE_JWT_JWK_SET_URI is set without COMMONPLACE_JWT_ISSUER and "
                + "COMMONPLACE_JWT_AUDIENCE: an issuer's keys sign tokens for every client it serves, so both must be "
                + "checked", "Set COMMONPLACE_JWT_ISSUER to the issuer's iss and COMMONPLACE_JWT_AUDIENCE to the aud "
                + "it puts in tokens for commonplace.");
    }

    static InvalidJwtSettingsException lifetimeNotPositive() {
        return new InvalidJwtSettingsException("COMMONPLACE_JWT_MAX_LIFETIME must be positive",
                "Set COMMONPLACE_JWT_MAX_LIFETIME to the longest a token may live, e.g. 24h (the default).");
    }

    /** What to do about it, for Spring Boot's start-up failure report. */
    public String action() {
        return action;
    }
}

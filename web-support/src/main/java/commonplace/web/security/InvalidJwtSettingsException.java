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

    /** What to do about it, for Spring Boot's start-up failure report. */
    public String action() {
        return action;
    }
}

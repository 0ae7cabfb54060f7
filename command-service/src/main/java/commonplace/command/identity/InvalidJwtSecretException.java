package commonplace.command.identity;

/** Start-up refusal: no usable HS256 secret (and no JWKS URI) is configured. */
public class InvalidJwtSecretException extends IllegalStateException {

    InvalidJwtSecretException(int length) {
        super(length == 0
                ? "COMMONPLACE_JWT_SECRET is not set: the command service needs an HS256 secret of at least "
                        + JwtSettings.MINIMUM_SECRET_BYTES + " bytes (or COMMONPLACE_JWT_JWK_SET_URI) to verify tokens"
                : "COMMONPLACE_JWT_SECRET has " + length + " bytes: HS256 needs at least "
                        + JwtSettings.MINIMUM_SECRET_BYTES + " bytes");
    }
}

package commonplace.command.idempotency;

/** An Idempotency-Key the author already used for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request; use a new key for a new request",
                null, false, false);
    }
}

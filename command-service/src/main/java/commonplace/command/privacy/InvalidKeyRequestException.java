package commonplace.command.privacy;

/** A key request naming something that is not a data key id, or too many or none. */
class InvalidKeyRequestException extends RuntimeException {

    private final String field;

    InvalidKeyRequestException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}

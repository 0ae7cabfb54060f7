package commonplace.command.web;

/** A conditional request (an edit) came without its precondition header. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message, null, false, false);
    }
}

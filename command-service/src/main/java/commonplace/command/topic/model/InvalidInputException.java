package commonplace.command.topic.model;

import java.util.List;

/** Input that breaks the contract's field rules; one entry per offending field. */
public class InvalidInputException extends RuleViolation {

    /** One field and what is wrong with it, in words for the client. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

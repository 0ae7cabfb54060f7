package commonplace.command.topic.model;

/** A new comment id that the topic already holds: never happens with server-made random ids, but is refused. */
public class IdInUseException extends RuleViolation {

    public IdInUseException(String id) {
        super("id '" + id + "' is already in use");
    }
}

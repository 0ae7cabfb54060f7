package commonplace.command.topic.model;

/**
 * A command the {@link Topic} refused because it breaks a rule of the contract. Each subclass is one kind of refusal,
 * mapped once to its HTTP answer; messages are safe to show to the client.
 */
public abstract class RuleViolation extends RuntimeException {

    protected RuleViolation(String message) {
        super(message, null, false, false);
    }
}

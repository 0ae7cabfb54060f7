package commonplace.command.topic.model;

/** A reply to a comment that is already as deep in its thread as replies may nest. */
public class ReplyTooDeepException extends RuleViolation {

    private final int maxReplyDepth;

    public ReplyTooDeepException(String parentId, int maxReplyDepth) {
        super("comment '" + parentId + "' is " + maxReplyDepth + " replies deep, as deep as replies nest here;"
                + " reply to a comment higher up the thread");
        this.maxReplyDepth = maxReplyDepth;
    }

    public int maxReplyDepth() {
        return maxReplyDepth;
    }
}

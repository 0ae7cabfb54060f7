package commonplace.command.topic.model;

/** An edit based on a revision that is no longer the current one. */
public class StaleRevisionException extends RuleViolation {

    private final int currentRevision;

    public StaleRevisionException(String commentId, int expectedRevision, int currentRevision) {
        super("comment '" + commentId + "' is at revision " + currentRevision + ", not " + expectedRevision);
        this.currentRevision = currentRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}

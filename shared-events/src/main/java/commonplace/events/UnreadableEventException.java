package commonplace.events;

/** An event on the wire that this code cannot turn into a {@link DiscussionEvent}; the message says why. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

package commonplace.query.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One open stream: its emitter and the frames queued for it. Frames are written by a task of the shared sending pool,
 * one task per subscriber at a time, so a slow client only holds its own frames; one that falls more than a queue
 * behind is closed and comes back with {@code Last-Event-ID}, caught up from the read models.
 */
final class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
    static final int QUEUE_LIMIT = 1000;

    /**
     * A rendered stream event (or heartbeat); {@code sequence} 0 for frames that carry no event.
     *
     * @param commentId  the comment the event concerns, or null
     * @param withdrawal whether the event retracts that comment: queued frames still showing its text are dropped
     * @param showsText  whether the frame carries the comment's text (it was not retracted when it was rendered)
     */
    record Frame(long sequence, String commentId, boolean withdrawal, boolean showsText, Set<DataWithMediaType> data) {
    }

    final String topicId;
    final String clientAddress;
    final SseEmitter emitter;
    private final Executor sending;
    private final Consumer<Subscriber> onClosed;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private long lastQueued;
    private boolean draining;
    private boolean closed;

    Subscriber(String topicId, String clientAddress, SseEmitter emitter, long lastQueued, Executor sending,
               Consumer<Subscriber> onClosed) {
        this.topicId = topicId;
        this.clientAddress = clientAddress;
        this.emitter = emitter;
        this.lastQueued = lastQueued;
        this.sending = sending;
        this.onClosed = onClosed;
    }

    /** Takes every event up to {@code sequence} as given: what the client has, or what it was told to reload. */
    synchronized void givenUpTo(long sequence) {
        lastQueued = Math.max(lastQueued, sequence);
    }

    /** Queues the frames after the last one queued, in order; event frames at or before it are left out. */
    void offer(List<Frame> frames) {
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            for (Frame frame : frames) {
                if (frame.sequence() != 0 && frame.sequence() <= lastQueued) {
                    continue;
                }
                if (queue.size() >= QUEUE_LIMIT) {
                    overflow = true;
                    break;
                }
                if (frame.withdrawal()) {
                    // a slow client must not be sent the text after its author took it back
                    queue.removeIf(queued -> queued.showsText() && frame.commentId().equals(queued.commentId()));
                }
                queue.add(frame);
                lastQueued = Math.max(lastQueued, frame.sequence());
            }
            if (!overflow && !draining && !queue.isEmpty()) {
                draining = true;
                sending.execute(this::drain);
            }
        }
        if (overflow) {
            log.debug("A stream of {} fell {} frames behind; closed so that it resumes from the read models",
                    topicId, QUEUE_LIMIT);
            close();
        }
    }

    private void drain() {
        while (true) {
            Frame next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                emitter.send(next.data());
            } catch (IOException | IllegalStateException e) {
                // the client went away (or the stream was completed meanwhile)
                close();
                return;
            }
        }
    }

    /** Ends the stream; the client's EventSource reconnects on its own. */
    void close() {
        if (!markClosed()) {
            return;
        }
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            // already completed by the container
        }
    }

    /** The container ended the stream (timeout, error, the client left): forget it without writing anything. */
    void ended() {
        markClosed();
    }

    /** Closes this subscriber once: drops its queue and tells the hub; false when it was closed already. */
    private boolean markClosed() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            queue.clear();
        }
        onClosed.accept(this);
        return true;
    }
}

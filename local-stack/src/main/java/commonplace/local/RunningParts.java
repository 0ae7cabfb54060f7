package commonplace.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Everything {@code up} has started, stopped once in the reverse order of starting. Starting and stopping share one
 * lock, so a Ctrl-C in the middle of starting a part waits for it and then stops it: nothing is left behind.
 */
final class RunningParts {

    /** Thrown to a starter once stopping has begun: the stack is going down, start nothing more. */
    static final class Stopping extends RuntimeException {
        Stopping() {
            super("the stack is stopping", null, false, false);
        }
    }

    @FunctionalInterface
    interface Starter<T> {
        T start() throws Exception;
    }

    private record Part(String name, Runnable stop) {
    }

    private final Deque<Part> parts = new ArrayDeque<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    synchronized <T> T start(String name, Starter<T> starter, Consumer<T> stopper) throws Exception {
        if (isStopping()) {
            throw new Stopping();
        }
        T started = starter.start();
        parts.push(new Part(name, () -> stopper.accept(started)));
        return started;
    }

    boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /** Waits up to {@code timeout} for stopping to begin (a signal and a child's exit may arrive together). */
    boolean awaitStopping(Duration timeout) {
        try {
            return stopping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return isStopping();
        }
    }

    /** Stops every part, newest first; a part that fails to stop is reported and the others still stop. */
    void stopAll(Consumer<String> report) {
        stopping.countDown();
        synchronized (this) {
            while (!parts.isEmpty()) {
                Part part = parts.pop();
                report.accept("stopping " + part.name());
                try {
                    part.stop().run();
                } catch (RuntimeException e) {
                    report.accept("could not stop " + part.name() + " cleanly: " + e.getMessage());
                }
            }
        }
    }
}

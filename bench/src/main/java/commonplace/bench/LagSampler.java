package commonplace.bench;

import org.HdrHistogram.Histogram;

/**
 * While writes run: takes the newest acknowledged write every few milliseconds and asks the query service to answer
 * consistently with it. The service holds the answer until that event is applied, so the time from the 201 to the
 * answer is the projection lag (plus one loopback round trip).
 */
final class LagSampler implements Runnable {

    private final Api api;
    private final WriteWorkload writes;
    private final Histogram lagMicros = new Histogram(60_000_000L, 3);
    private volatile boolean running = true;
    private long stale;

    LagSampler(Api api, WriteWorkload writes) {
        this.api = api;
        this.writes = writes;
    }

    @Override
    public void run() {
        WriteWorkload.Acknowledged last = null;
        while (running) {
            WriteWorkload.Acknowledged newest = writes.newest();
            if (newest == null || newest == last || newest.position() == null) {
                pause();
                continue;
            }
            last = newest;
            try {
                Api.Answer answer = api.read("/topics/" + newest.topicId() + "?consistentWith="
                        + WriteWorkload.encode(newest.position()));
                long lag = (System.nanoTime() - newest.ackNanos()) / 1000;
                if (answer.status() == 200) {
                    lagMicros.recordValue(Math.min(Math.max(1, lag), lagMicros.getHighestTrackableValue()));
                } else {
                    stale++;
                }
            } catch (Exception e) {
                stale++;
            }
            pause();
        }
    }

    void stop() {
        running = false;
    }

    Histogram lagMicros() {
        return lagMicros;
    }

    long failed() {
        return stale;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

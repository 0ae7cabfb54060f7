package commonplace.query.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The live stream's limits, each an environment variable: open streams per client address
 * ({@code COMMONPLACE_STREAM_MAX_PER_CLIENT}, 16) and in total ({@code COMMONPLACE_STREAM_MAX_TOTAL}, 2000), the
 * heartbeat interval ({@code COMMONPLACE_STREAM_HEARTBEAT}, 15s), how long one stream stays open before the client is
 * asked to reconnect ({@code COMMONPLACE_STREAM_MAX_DURATION}, 30m), and how many missed events a resuming client is
 * sent before it is told to reload instead ({@code COMMONPLACE_STREAM_MAX_CATCH_UP}, 1000).
 */
@Component
class StreamSettings {

    final int maxPerClient;
    final int maxTotal;
    final Duration heartbeat;
    final Duration maxDuration;
    final int maxCatchUp;

    StreamSettings(@Value("${COMMONPLACE_STREAM_MAX_PER_CLIENT:16}") int maxPerClient,
                   @Value("${COMMONPLACE_STREAM_MAX_TOTAL:2000}") int maxTotal,
                   @Value("${COMMONPLACE_STREAM_HEARTBEAT:15s}") Duration heartbeat,
                   @Value("${COMMONPLACE_STREAM_MAX_DURATION:30m}") Duration maxDuration,
                   @Value("${COMMONPLACE_STREAM_MAX_CATCH_UP:1000}") int maxCatchUp) {
        if (maxPerClient < 1 || maxTotal < 1 || maxCatchUp < 1 || heartbeat.isNegative() || heartbeat.isZero()
                || maxDuration.compareTo(heartbeat) < 0) {
            throw new IllegalArgumentException("stream limits must be positive, and the maximum duration at least "
                    + "one heartbeat");
        }
        this.maxPerClient = maxPerClient;
        this.maxTotal = maxTotal;
        this.heartbeat = heartbeat;
        this.maxDuration = maxDuration;
        this.maxCatchUp = maxCatchUp;
    }
}

package commonplace.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.events.CommentRetracted;
import commonplace.events.ConsistencyPosition;
import commonplace.events.EventTypes;
import commonplace.query.ingest.IngestListener;
import commonplace.query.live.Subscriber.Frame;
import commonplace.query.web.ApiProblem;
import commonplace.web.problem.ProblemType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live streams of every topic. After each committed batch ({@link IngestListener}) the new events of each watched
 * topic are read once from the read models, rendered once, and queued to every stream of that topic; a stream that
 * joins or resumes is first caught up from the read models under the same topic lock, so it misses nothing and gets
 * nothing twice. No request thread is held: streams are servlet-async {@link SseEmitter}s written by a small pool.
 */
@Component
class StreamHub implements IngestListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);
    private static final int READ_CHUNK = 500;
    private static final long RECONNECT_MILLIS = 3000;
    private static final String RETRACTION = EventTypes.of(CommentRetracted.class).name();

    /** The streams of one topic and the sequence up to which they have been given every event. */
    private static final class Channel {
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        long head;
    }

    private final StreamQueries queries;
    private final StreamSettings settings;
    private final ObjectMapper json;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService reading = Executors.newSingleThreadExecutor(daemon("commonplace-stream-read"));
    private final ExecutorService sending = Executors.newFixedThreadPool(4, daemon("commonplace-stream-send"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemon("commonplace-stream-heartbeat"));
    private volatile boolean running;

    StreamHub(StreamQueries queries, StreamSettings settings, ObjectMapper json, MeterRegistry meters) {
        this.queries = queries;
        this.settings = settings;
        this.json = json;
        Gauge.builder("commonplace.stream.open", open, AtomicInteger::get)
                .description("open live streams of topics").register(meters);
    }

    /**
     * Opens a stream of {@code topicId} for a client, caught up from {@code afterSequence} (null: from now on).
     *
     * @throws ApiProblem 404 for an unknown topic, 429 over the client's limit, 503 over the total
     */
    SseEmitter subscribe(String topicId, String clientAddress, Long afterSequence) {
        if (queries.appliedSequence(topicId) == null) {
            throw ApiProblem.notFound("No topic " + topicId + ".");
        }
        reserve(clientAddress);
        SseEmitter emitter = new SseEmitter(settings.maxDuration.toMillis());
        Subscriber subscriber = new Subscriber(topicId, clientAddress, emitter, 0, sending, this::forget);
        try {
            while (!join(topicId, subscriber, afterSequence)) {
                // the channel was dropped by its last stream meanwhile: join the new one
            }
        } catch (RuntimeException e) {
            unreserve(clientAddress);
            throw e;
        }
        emitter.onCompletion(subscriber::ended);
        emitter.onTimeout(() -> {
            // the stream has been open its maximum time: end it; the browser resumes with Last-Event-ID
            subscriber.ended();
            emitter.complete();
        });
        emitter.onError(failure -> subscriber.ended());
        return emitter;
    }

    /** Catches the stream up and adds it to its topic's channel; false when that channel was dropped meanwhile. */
    private boolean join(String topicId, Subscriber subscriber, Long afterSequence) {
        Channel channel = channels.computeIfAbsent(topicId, id -> new Channel());
        synchronized (channel) {
            if (channels.get(topicId) != channel) {
                return false;
            }
            Long applied = queries.appliedSequence(topicId);
            channel.head = Math.max(channel.head, applied == null ? 0 : applied);
            long from = afterSequence == null ? channel.head : Math.min(afterSequence, channel.head);
            subscriber.givenUpTo(from);
            subscriber.offer(catchUp(topicId, from, channel.head));
            subscriber.givenUpTo(channel.head);
            channel.subscribers.add(subscriber);
            return true;
        }
    }

    /** The frames a new stream starts with: the events it missed (or a reload hint), then {@code ready}. */
    private List<Frame> catchUp(String topicId, long from, long head) {
        List<Frame> frames = new ArrayList<>();
        if (head - from > settings.maxCatchUp) {
            frames.add(frame(0, SseEmitter.event().name("reload").data("{\"reason\":\"too far behind\"}")));
        } else {
            for (long after = from; after < head; ) {
                List<StreamItem> items = queries.between(topicId, after, head, READ_CHUNK);
                if (items.isEmpty()) {
                    break;
                }
                items.forEach(item -> frames.add(render(item)));
                after = items.get(items.size() - 1).sequence();
            }
        }
        String position = new ConsistencyPosition(topicId, head).encode();
        frames.add(frame(0, SseEmitter.event().id(position).name("ready").reconnectTime(RECONNECT_MILLIS)
                .data("{\"position\":\"" + position + "\",\"sequence\":" + head + "}")));
        return frames;
    }

    @Override
    public void batchCommitted(Map<String, Long> appliedSequenceByTopic) {
        appliedSequenceByTopic.forEach((topicId, sequence) -> {
            if (channels.containsKey(topicId)) {
                reading.execute(() -> advance(topicId, sequence));
            }
        });
    }

    @Override
    public void readModelsReplaced() {
        // every stream resumes from its Last-Event-ID against the new tables
        channels.values().forEach(channel -> List.copyOf(channel.subscribers).forEach(Subscriber::close));
    }

    /** Reads the topic's new events once and queues them to every stream of the topic. */
    private void advance(String topicId, long sequence) {
        Channel channel = channels.get(topicId);
        if (channel == null) {
            return;
        }
        try {
            synchronized (channel) {
                while (channel.head < sequence && !channel.subscribers.isEmpty()) {
                    List<StreamItem> items = queries.between(topicId, channel.head, sequence, READ_CHUNK);
                    if (items.isEmpty()) {
                        channel.head = sequence;
                        break;
                    }
                    List<Frame> frames = items.stream().map(this::render).toList();
                    channel.head = items.get(items.size() - 1).sequence();
                    channel.subscribers.forEach(subscriber -> subscriber.offer(frames));
                }
            }
        } catch (RuntimeException e) {
            // the database is away: the streams stay open; the next batch or reconnect reads from where they are
            log.warn("Live stream of a topic could not read its new events: {}", e.getClass().getSimpleName());
        }
    }

    private Frame render(StreamItem item) {
        try {
            return new Frame(item.sequence(), item.commentId(),
                    item.commentId() != null && RETRACTION.equals(item.type()),
                    item.comment() != null && !item.comment().retracted(),
                    SseEmitter.event().id(item.position()).name(item.type())
                            .data(json.writeValueAsString(item), MediaType.APPLICATION_JSON).build());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Frame frame(long sequence, SseEmitter.SseEventBuilder event) {
        return new Frame(sequence, null, false, false, event.build());
    }

    private void heartbeat() {
        List<Frame> beat = List.of(frame(0, SseEmitter.event().comment("")));
        channels.values().forEach(channel -> channel.subscribers.forEach(subscriber -> subscriber.offer(beat)));
    }

    private void reserve(String clientAddress) {
        AtomicInteger mine = perClient.computeIfAbsent(clientAddress, address -> new AtomicInteger());
        open.incrementAndGet();
        if (mine.incrementAndGet() > settings.maxPerClient) {
            unreserve(clientAddress);
            throw new ApiProblem(ProblemType.TOO_MANY_STREAMS,
                    "this client has " + settings.maxPerClient + " live streams open already");
        }
        if (open.get() > settings.maxTotal) {
            unreserve(clientAddress);
            throw new ApiProblem(ProblemType.STREAMS_EXHAUSTED, ProblemType.STREAMS_EXHAUSTED.defaultDetail());
        }
    }

    private void unreserve(String clientAddress) {
        open.decrementAndGet();
        perClient.computeIfPresent(clientAddress, (address, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** A stream ended: out of its channel (the channel too when it was the last) and out of the counts. */
    private void forget(Subscriber subscriber) {
        Channel channel = channels.get(subscriber.topicId);
        if (channel != null) {
            synchronized (channel) {
                channel.subscribers.remove(subscriber);
                if (channel.subscribers.isEmpty()) {
                    channels.remove(subscriber.topicId, channel);
                }
            }
        }
        unreserve(subscriber.clientAddress);
    }

    int openStreams() {
        return open.get();
    }

    @Override
    public void start() {
        long every = settings.heartbeat.toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown would wait for them. */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        channels.values().forEach(channel -> List.copyOf(channel.subscribers).forEach(Subscriber::close));
        reading.shutdownNow();
        sending.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

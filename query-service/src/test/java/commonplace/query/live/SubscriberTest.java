package commonplace.query.live;

import commonplace.query.live.Subscriber.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One stream's queue: order, no event twice, no retracted text to a client that had not been sent it yet. */
class SubscriberTest {

    /** An emitter that keeps what it is sent. */
    private static final class RecordingEmitter extends SseEmitter {
        final List<String> sent = new ArrayList<>();

        @Override
        public synchronized void send(Set<DataWithMediaType> items) {
            items.forEach(item -> sent.add(String.valueOf(item.getData())));
        }
    }

    private final RecordingEmitter emitter = new RecordingEmitter();
    private final List<Runnable> sendingTasks = new ArrayList<>();
    private final List<Subscriber> closed = new ArrayList<>();
    private final Subscriber subscriber = new Subscriber("topic", "127.0.0.1", emitter, 0, sendingTasks::add,
            closed::add);

    private static Frame event(long sequence, String commentId, boolean withdrawal, String text) {
        return new Frame(sequence, commentId, withdrawal, commentId != null && !withdrawal,
                SseEmitter.event().id("p" + sequence).data(text).build());
    }

    private List<String> sentData() {
        sendingTasks.forEach(Runnable::run);
        sendingTasks.clear();
        return emitter.sent.stream().filter(line -> !line.startsWith("id:") && !line.startsWith("\n")).toList();
    }

    @Test
    void framesGoOutInOrderAndAnEventAlreadyQueuedIsNotQueuedAgain() {
        subscriber.offer(List.of(event(1, "a", false, "one"), event(2, "b", false, "two")));
        subscriber.offer(List.of(event(2, "b", false, "two again"), event(3, "c", false, "three")));
        assertThat(String.join("", sentData())).contains("one").contains("two").contains("three")
                .doesNotContain("two again");
        assertThat(String.join("", emitter.sent).indexOf("one")).isLessThan(String.join("", emitter.sent)
                .indexOf("three"));
    }

    @Test
    void aRetractionDropsTheQueuedFramesThatStillShowTheText() {
        subscriber.offer(List.of(event(1, "a", false, "the text its author took back"),
                event(2, "b", false, "another comment"),
                new Frame(3, "c", false, false, SseEmitter.event().data("posted, already a placeholder").build())));
        subscriber.offer(List.of(event(4, "a", true, "retracted placeholder"),
                event(5, "c", true, "c retracted")));
        String sent = String.join("", sentData());
        assertThat(sent).doesNotContain("the text its author took back").contains("another comment")
                .contains("retracted placeholder").contains("posted, already a placeholder");
    }

    @Test
    void aClientThatFallsAQueueBehindIsClosedToResumeFromTheReadModels() {
        List<Frame> tooMany = new ArrayList<>();
        for (int sequence = 1; sequence <= Subscriber.QUEUE_LIMIT + 1; sequence++) {
            tooMany.add(event(sequence, null, false, "event " + sequence));
        }
        subscriber.offer(tooMany);
        assertThat(closed).containsExactly(subscriber);
        subscriber.offer(List.of(event(Subscriber.QUEUE_LIMIT + 2, null, false, "after closing")));
        assertThat(sentData()).isEmpty();
    }
}

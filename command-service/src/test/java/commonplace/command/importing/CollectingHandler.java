package commonplace.command.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps what a reader hands over, for tests of small exports. */
public class CollectingHandler implements SourceHandler {

    public final List<SourceTopic> topics = new ArrayList<>();
    public final List<SourceComment> comments = new ArrayList<>();
    public final List<String> unreadable = new ArrayList<>();

    @Override
    public void topic(SourceTopic topic) {
        topics.add(topic);
    }

    @Override
    public void comment(SourceComment comment) {
        comments.add(comment);
    }

    @Override
    public void unreadable(SourceKind kind, String sourceId, String reason) {
        unreadable.add(kind + " " + sourceId + ": " + reason);
    }

    public Map<String, SourceComment> commentsById() {
        return comments.stream().collect(Collectors.toMap(SourceComment::sourceId, Function.identity()));
    }

    public static CollectingHandler read(SourceFormat format, String resource) {
        CollectingHandler handler = new CollectingHandler();
        try (var in = CollectingHandler.class.getResourceAsStream(resource)) {
            format.reader().read(in, handler);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return handler;
    }
}

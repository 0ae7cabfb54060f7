package commonplace.analytics;

import commonplace.events.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the summary on disk between runs. It is written before the consumer commits its offsets, so after a crash the
 * worst case is re-reading events the summary already counted, which {@link DiscussionSummary} skips by sequence.
 */
final class SummaryStore {

    private final Path file;

    SummaryStore(Path file) {
        this.file = file;
    }

    DiscussionSummary.State load() {
        if (!Files.exists(file)) {
            return DiscussionSummary.State.empty();
        }
        try {
            return EventJson.mapper().readValue(file.toFile(), DiscussionSummary.State.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved summary " + file, e);
        }
    }

    void save(DiscussionSummary.State state) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            EventJson.mapper().writeValue(temporary.toFile(), state);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the summary to " + file, e);
        }
    }
}

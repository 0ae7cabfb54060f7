package commonplace.command.importing.run;

import java.time.Instant;
import java.util.List;

/**
 * An import as {@code GET /api/v1/admin/imports/{importId}} shows it: its state, counts, and every item that was
 * skipped or changed, by kind ({@code topic}, {@code comment}), source id and reason, in the order they were found.
 */
public record ImportReport(String importId, String format, String site, String state, Instant createdAt,
                           Instant finishedAt, ImportCounts counts, String failure, List<Item> skipped,
                           List<Item> changed) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** One skipped or changed item. */
    public record Item(String kind, String sourceId, String reason) {
    }
}

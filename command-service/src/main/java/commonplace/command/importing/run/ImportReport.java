package commonplace.command.importing.run;

import java.time.Instant;
import java.util.List;

/** An import as {@code GET /api/v1/admin/imports/{importId}} shows it. */
public record ImportReport(String importId, String format, String site, String state, Instant createdAt,
                           Instant finishedAt, ImportCounts counts, String failure, List<ReportLine> lines) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}

package commonplace.command.importing.run;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code import_run} and {@code import_report_line} tables: each import's state, counts and report. */
@Repository
public class ImportRuns {

    /** The most report lines one answer shows; the counts stay exact past it. */
    static final int MAX_LINES_SHOWN = 100_000;

    private final JdbcTemplate jdbc;

    ImportRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the recording of a staged import needs to know of it. */
    record RunInfo(String importId, String format, String site, String importerId, String importerName,
                   Instant createdAt) {
    }

    void create(String importId, String format, String site, String importerId, String importerName) {
        jdbc.update("insert into import_run (import_id, format, site, importer_id, importer_name, state)"
                + " values (?, ?, ?, ?, ?, 'running')", importId, format, site, importerId, importerName);
    }

    RunInfo info(String importId) {
        return jdbc.queryForObject("select import_id, format, site, importer_id, importer_name, created_at"
                        + " from import_run where import_id = ?", (rs, n) -> new RunInfo(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), importId);
    }

    void addLines(String importId, List<ReportLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into import_report_line (import_id, kind, source_id, outcome, reason)"
                        + " values (?, ?, ?, ?, ?)", lines, 1000, (statement, line) -> {
                    statement.setString(1, importId);
                    statement.setString(2, line.kind());
                    statement.setString(3, line.sourceId());
                    statement.setString(4, line.outcome());
                    statement.setString(5, line.reason());
                });
    }

    void addCounts(String importId, ImportCounts counts) {
        jdbc.update("update import_run set topics = topics + ?, comments = comments + ?, replies = replies + ?,"
                        + " retracted = retracted + ?, skipped = skipped + ?, edited = edited + ?,"
                        + " unchanged = unchanged + ? where import_id = ?",
                counts.topics(), counts.comments(), counts.replies(), counts.retracted(), counts.skipped(),
                counts.edited(), counts.alreadyThere(), importId);
    }

    void finish(String importId, String state, String failure) {
        jdbc.update("update import_run set state = ?, failure = ?, finished_at = now() where import_id = ?",
                state, failure, importId);
    }

    /** Imports a stopped service left running: they resume where they stopped. */
    List<String> running() {
        return jdbc.queryForList("select import_id from import_run where state = 'running' order by created_at",
                String.class);
    }

    public Optional<ImportReport> find(String importId) {
        List<ImportReport> found = jdbc.query("select * from import_run where import_id = ?", (rs, n) ->
                new ImportReport(rs.getString("import_id"), rs.getString("format"), rs.getString("site"),
                        rs.getString("state"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("finished_at")),
                        new ImportCounts(rs.getInt("topics"), rs.getInt("comments"), rs.getInt("replies"),
                                rs.getInt("retracted"), rs.getInt("skipped"), rs.getInt("edited"),
                                rs.getInt("unchanged")),
                        rs.getString("failure"), List.of(), List.of()), importId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<ReportLine> lines = jdbc.query("select kind, source_id, outcome, reason from import_report_line"
                        + " where import_id = ? order by line_no limit " + MAX_LINES_SHOWN,
                (rs, n) -> new ReportLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                importId);
        ImportReport run = found.get(0);
        List<ImportReport.Item> skipped = lines.stream().filter(line -> line.outcome().equals(ReportLine.SKIPPED))
                .map(line -> new ImportReport.Item(line.kind(), line.sourceId(), line.reason())).toList();
        List<ImportReport.Item> changed = lines.stream().filter(line -> line.outcome().equals(ReportLine.CHANGED))
                .map(line -> new ImportReport.Item(line.kind(), line.sourceId(), line.reason())).toList();
        return Optional.of(new ImportReport(run.importId(), run.format(), run.site(), run.state(), run.createdAt(),
                run.finishedAt(), run.counts(), run.failure(), skipped, changed));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

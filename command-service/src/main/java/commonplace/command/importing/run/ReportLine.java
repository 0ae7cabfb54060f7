package commonplace.command.importing.run;

/**
 * One line of an import's report: an item that was skipped or changed, by its kind ({@code topic}, {@code comment}),
 * its source id (null when the source gave it none), what happened ({@link #SKIPPED}, {@link #CHANGED}) and why. The
 * reason never holds what a person wrote.
 */
public record ReportLine(String kind, String sourceId, String outcome, String reason) {

    public static final String SKIPPED = "skipped";
    public static final String CHANGED = "changed";

    private static final int REASON_MAX = 1000;

    public ReportLine {
        reason = reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX - 1) + "…" : reason;
        sourceId = sourceId != null && sourceId.length() > 256 ? sourceId.substring(0, 255) + "…" : sourceId;
    }

    static ReportLine skipped(String kind, String sourceId, String reason) {
        return new ReportLine(kind, sourceId, SKIPPED, reason);
    }

    static ReportLine changed(String kind, String sourceId, String reason) {
        return new ReportLine(kind, sourceId, CHANGED, reason);
    }
}

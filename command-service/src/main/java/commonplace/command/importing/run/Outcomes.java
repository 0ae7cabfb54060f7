package commonplace.command.importing.run;

import commonplace.command.importing.run.ImportedItems.Recorded;
import commonplace.command.importing.run.TopicPlan.Entry;
import commonplace.command.topic.model.Commands.ImportedComment;
import commonplace.command.topic.model.Results.ImportOutcome;
import commonplace.command.topic.model.Results.ImportResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one {@code ImportComments} did, as counts, report lines and the items to remember as recorded. */
record Outcomes(ImportCounts counts, List<ReportLine> lines, List<Recorded> recorded) {

    static Outcomes of(ImportResult result, Map<String, Entry> entries, List<ImportedComment> sent) {
        int comments = 0;
        int replies = 0;
        int retracted = 0;
        int skipped = 0;
        int edited = 0;
        int alreadyThere = 0;
        List<ReportLine> lines = new ArrayList<>();
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < result.outcomes().size(); i++) {
            ImportOutcome outcome = result.outcomes().get(i);
            ImportedComment comment = sent.get(i);
            Entry entry = entries.get(outcome.commentId());
            String sourceId = comment.sourceId();
            if (entry.change() != null) {
                lines.add(ReportLine.changed("comment", sourceId, entry.change()));
            }
            if (outcome.movedToTop() && entry.change() == null) {
                lines.add(ReportLine.changed("comment", sourceId, "answers " + entry.parentSourceId()
                        + ", which is not a comment of this page in the export; kept at the top level"));
            }
            switch (outcome.kind()) {
                case COMMENT -> comments++;
                case REPLY -> replies++;
                case RETRACTED_NEW -> retracted++;
                case RETRACTED -> {
                    retracted++;
                    lines.add(ReportLine.changed("comment", sourceId,
                            "deleted in the source since an earlier import; retracted"));
                }
                case EDITED -> {
                    edited++;
                    lines.add(ReportLine.changed("comment", sourceId,
                            "the message changed in the source since an earlier import; recorded as an edit"));
                }
                case ALREADY_THERE -> alreadyThere++;
                case KEPT_RETRACTED -> {
                    alreadyThere++;
                    lines.add(ReportLine.changed("comment", sourceId, "the message changed in the source, but it"
                            + " was retracted here since an earlier import; the change is not recorded"));
                }
                case REFUSED -> {
                    skipped++;
                    lines.add(ReportLine.skipped("comment", sourceId, "the text breaks a body rule: "
                            + outcome.reason()));
                }
            }
            if (outcome.kind() != ImportOutcome.Kind.REFUSED) {
                boolean isRetracted = comment.deleted() || outcome.kind() == ImportOutcome.Kind.KEPT_RETRACTED;
                recorded.add(new Recorded(sourceId, comment.commentId(), comment.body(), comment.authorId(),
                        isRetracted));
            }
        }
        ImportCounts counts = new ImportCounts(result.topicOpened() ? 1 : 0, comments, replies, retracted, skipped,
                edited, alreadyThere);
        return new Outcomes(counts, lines, recorded);
    }
}

package commonplace.command.importing.run;

/**
 * How many items an import recorded, by what they became: topics opened, comments and replies posted (a comment
 * deleted in the source among them, counted in {@code retracted} too), skipped, edited (changed in the source since an
 * earlier import) and already there (recorded by an earlier import, unchanged).
 */
public record ImportCounts(int topics, int comments, int replies, int retracted, int skipped, int edited,
                           int alreadyThere) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0);

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(topics + other.topics, comments + other.comments, replies + other.replies,
                retracted + other.retracted, skipped + other.skipped, edited + other.edited,
                alreadyThere + other.alreadyThere);
    }
}

package commonplace.query.atom;

/**
 * The few words the feeds add themselves: for a retracted comment, and for one whose text is withheld otherwise (its
 * writer was erased, or the stored text does not open).
 */
record FeedText(String authorFeedTitle, String retractedTitle, String retractedContent, String withheldTitle,
                String withheldContent) {

    static final FeedText ENGLISH = new FeedText("Comments by %s", "Retracted comment",
            "This comment was retracted by its author or a moderator.", "Comment withheld",
            "The text of this comment is no longer available.");
}

package commonplace.query.atom;

/** The few words the feeds add themselves. */
record FeedText(String authorFeedTitle, String retractedTitle, String retractedContent, String withheldTitle,
                String withheldContent) {

    static final FeedText ENGLISH = new FeedText("Comments by %s", "Retracted comment",
            "This comment was retracted by its author or a moderator.", "Comment withheld",
            "The text of this comment is withheld: its writer was erased.");
}

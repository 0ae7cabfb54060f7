package commonplace.query.atom;

/** The few words the feeds add themselves. */
record FeedText(String authorFeedTitle, String retractedTitle, String retractedContent) {

    static final FeedText ENGLISH = new FeedText("Comments by %s", "Retracted comment",
            "This comment was retracted by its author or a moderator.");
}

package commonplace.command.importing;

/** How the source shows a comment. */
public enum SourceState {
    /** Visible on the site. */
    PUBLISHED,
    /** Deleted in the source (Disqus {@code isDeleted}, WordPress {@code trash} or {@code post-trashed}). */
    DELETED,
    /** Marked as spam (Disqus {@code isSpam}, WordPress {@code spam}). */
    SPAM,
    /** Waiting for moderation (WordPress {@code 0}, or a state this reader does not know). */
    UNAPPROVED
}

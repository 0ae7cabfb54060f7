package commonplace.command.importing;

/**
 * Who wrote a comment, as the export says. Every field may be null. {@code email} is only there to give a guest a
 * stable opaque id (see {@code mapping.AuthorIds}); it is never recorded, and neither this record's nor
 * {@link SourceComment}'s {@code toString} shows any of it.
 *
 * @param name      the display name as written in the source, entities decoded
 * @param username  the account's key in the source: the Disqus {@code username}, the WordPress
 *                  {@code comment_user_id}; null for a guest
 * @param anonymous whether the source calls the author anonymous, a guest without an account
 * @param email     the address the author gave, used only to derive a guest id
 * @param url       the author's web site (WordPress {@code comment_author_url})
 */
public record SourceAuthor(String name, String username, boolean anonymous, String email, String url) {

    @Override
    public String toString() {
        return "SourceAuthor[" + (anonymous ? "guest" : "account") + "]";
    }
}

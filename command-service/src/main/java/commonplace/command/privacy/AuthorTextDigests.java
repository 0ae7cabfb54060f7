package commonplace.command.privacy;

import commonplace.command.topic.model.TextDigests;

/** The topic's keyed digests, under each author's data key in use (made on the author's first write). */
final class AuthorTextDigests implements TextDigests {

    private final CachedDataKeys keys;

    AuthorTextDigests(CachedDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String digest(String authorId, String text) {
        return text == null ? null : keys.keyInUse(authorId).digest(text);
    }
}

package commonplace.events.upcast;

import commonplace.events.language.LanguageGuess;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CommentPosted 1 -> 2: adds {@code language}, guessed from the body as new comments are. */
public final class CommentPostedV1ToV2 implements PayloadUpcaster {

    @Override
    public String type() {
        return "CommentPosted";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        if (!payload.hasNonNull("language")) {
            payload.put("language", LanguageGuess.of(payload.path("body").asText(null)));
        }
        return payload;
    }
}

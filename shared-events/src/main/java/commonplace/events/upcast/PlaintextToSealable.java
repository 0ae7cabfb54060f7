package commonplace.events.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The step of every event type into the version whose personal fields may be sealed (TopicOpened, ReplyPosted,
 * CommentEdited, CommentRetracted, LinkShared, TopicLocked, TopicUnlocked 1 -> 2, CommentPosted 2 -> 3). A payload of
 * the old version, all in plaintext, is already the new version's decrypted form, so the step changes nothing; it
 * exists because the new version is a new contract (personal fields may be absent, sealed in {@code encrypted} or
 * named in {@code withheld}). One class serves every type since the step is the same for each.
 */
public record PlaintextToSealable(String type, int fromVersion) implements PayloadUpcaster {

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        return payload;
    }
}

package commonplace.events.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The chain of payload upcasters, one class per version step. Old events stay as they were written (in the event
 * store and on the topic); readers bring them up to the current version here.
 */
public final class Upcasters {

    private static final List<PayloadUpcaster> STEPS = List.of(
            new CommentPostedV1ToV2(),
            new PlaintextToSealable("TopicOpened", 1),
            new PlaintextToSealable("CommentPosted", 2),
            new PlaintextToSealable("ReplyPosted", 1),
            new PlaintextToSealable("CommentEdited", 1),
            new PlaintextToSealable("CommentRetracted", 1),
            new PlaintextToSealable("LinkShared", 1),
            new PlaintextToSealable("TopicLocked", 1),
            new PlaintextToSealable("TopicUnlocked", 1));

    private Upcasters() {
    }

    public static List<PayloadUpcaster> steps() {
        return STEPS;
    }

    /** Applies every step from {@code version} up, in order. */
    public static ObjectNode upcast(String type, int version, ObjectNode payload) {
        ObjectNode current = payload;
        int at = version;
        for (PayloadUpcaster step : STEPS) {
            if (step.type().equals(type) && step.fromVersion() == at) {
                current = step.upcast(current);
                at++;
            }
        }
        return current;
    }
}

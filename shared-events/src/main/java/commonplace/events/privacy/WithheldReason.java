package commonplace.events.privacy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/**
 * Why a personal field is left out of a payload's decrypted form (its {@code withheld} object names the field and
 * this reason): the documented placeholder. A reader shows the field's place without its value.
 */
public enum WithheldReason {
    /** The writer's data key was destroyed: the writer was erased. Permanent. */
    ERASED("erased"),
    /** Withheld from public readers because the comment was retracted (the query service's public answers). */
    RETRACTED("retracted"),
    /**
     * Withheld from public readers because the text is never public, whatever happens to it: a lock reason, written
     * by a moderator for the record (the query service's public answers).
     */
    PRIVATE("private"),
    /** The sealed value does not open: changed, moved, sealed under an unknown key or algorithm, or malformed. */
    UNREADABLE("unreadable");

    private final String wire;

    WithheldReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<WithheldReason> fromWire(String wire) {
        for (WithheldReason reason : values()) {
            if (reason.wire.equals(wire)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}

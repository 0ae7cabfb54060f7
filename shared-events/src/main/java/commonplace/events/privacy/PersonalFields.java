package commonplace.events.privacy;

import java.util.List;
import java.util.Map;

/**
 * The one place that says which payload fields are personal, per event type: what a person wrote or is called.
 * These travel sealed under the writer's data key; everything else (ids, parents, sequences, author ids, types,
 * times, revision numbers, languages, a topic's title, page address and description, which are the site's) stays in
 * plaintext, so the tree and every count survive an erasure. All personal fields are text.
 */
public final class PersonalFields {

    /**
     * One personal field.
     *
     * @param maxLength the longest value the command service accepts, in code points
     * @param required  whether every event of its type has it (optional ones, such as a note, may be absent)
     */
    public record PersonalField(String name, int maxLength, boolean required) {

        /** The longest sealed value it can have, in bytes: every code point at its widest in UTF-8. */
        public int maxSealedBytes() {
            return FieldCipher.OVERHEAD + 4 * maxLength;
        }
    }

    private static final PersonalField AUTHOR_NAME = new PersonalField("authorName", 100, true);
    private static final PersonalField BODY = new PersonalField("body", 20_000, true);
    private static final PersonalField REASON = new PersonalField("reason", 1_000, false);

    private static final Map<String, List<PersonalField>> BY_TYPE = Map.of(
            "TopicOpened", List.of(AUTHOR_NAME),
            "CommentPosted", List.of(BODY, AUTHOR_NAME),
            "ReplyPosted", List.of(BODY, AUTHOR_NAME),
            "CommentEdited", List.of(BODY, AUTHOR_NAME),
            "CommentRetracted", List.of(REASON, AUTHOR_NAME),
            "LinkShared", List.of(new PersonalField("url", 2_048, true), new PersonalField("normalizedUrl", 2_048, true),
                    new PersonalField("domain", 253, true), new PersonalField("note", 2_000, false), AUTHOR_NAME),
            "TopicLocked", List.of(REASON, AUTHOR_NAME),
            "TopicUnlocked", List.of(AUTHOR_NAME),
            "AuthorErased", List.of());

    private PersonalFields() {
    }

    /** The personal fields of {@code type}, in the order they are sealed; empty for a type that has none or is unknown. */
    public static List<PersonalField> of(String type) {
        return BY_TYPE.getOrDefault(type, List.of());
    }

    /** The personal field {@code name} of {@code type}, or null when it is not one. */
    public static PersonalField find(String type, String name) {
        for (PersonalField field : of(type)) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** Every event type this catalogue knows (with or without personal fields). */
    public static java.util.Set<String> types() {
        return BY_TYPE.keySet();
    }
}

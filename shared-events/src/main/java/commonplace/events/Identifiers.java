package commonplace.events;

import java.util.regex.Pattern;

/** The shapes of identifiers in the contract (docs/api.md), checked the same way on both sides. */
public final class Identifiers {

    /** A topic id: a page slug such as {@code episode-90}. */
    public static final Pattern TOPIC_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** An author id: the {@code sub} claim of a token. */
    public static final Pattern AUTHOR_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A comment or share id as the command service issues them (opaque to clients). */
    public static final Pattern ENTITY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Identifiers() {
    }

    public static boolean isTopicId(String value) {
        return value != null && TOPIC_ID.matcher(value).matches();
    }

    public static boolean isAuthorId(String value) {
        return value != null && AUTHOR_ID.matcher(value).matches();
    }

    public static boolean isEntityId(String value) {
        return value != null && ENTITY_ID.matcher(value).matches();
    }
}

package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceAuthor;

/**
 * An imported author's display name by the contract's rule (1..100 characters, no control characters): the source's
 * name with white space runs as one space; without one, the account name, else {@value #NO_NAME}; a longer name is
 * cut at 99 characters and an ellipsis. Each change comes with its report reason.
 */
public final class DisplayNames {

    public static final int MAX = 100;
    public static final String NO_NAME = "Guest";

    /** The name to record and, when it differs from the source, why. */
    public record DisplayName(String name, String changed) {
    }

    private DisplayNames() {
    }

    public static DisplayName of(SourceAuthor author) {
        String name = clean(author.name());
        if (name.isEmpty()) {
            String account = author.anonymous() ? "" : clean(author.username());
            return account.isEmpty()
                    ? new DisplayName(NO_NAME, "no author name in the source; shown as " + NO_NAME)
                    : new DisplayName(cut(account), "no author name in the source; the account name is shown");
        }
        if (name.codePointCount(0, name.length()) > MAX) {
            return new DisplayName(cut(name), "the author name is longer than " + MAX + " characters and was cut");
        }
        return new DisplayName(name, null);
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.CONTROL) {
                space = !cleaned.isEmpty();
            } else {
                if (space) {
                    cleaned.append(' ');
                    space = false;
                }
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    private static String cut(String name) {
        if (name.codePointCount(0, name.length()) <= MAX) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX - 1)).strip() + "…";
    }
}

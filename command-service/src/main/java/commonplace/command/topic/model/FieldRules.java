package commonplace.command.topic.model;

import commonplace.command.links.UrlNormalizer;
import commonplace.command.topic.model.InvalidInputException.FieldError;
import commonplace.events.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract's rules for the fields of a command, each stated here once and checked once, by the {@link Topic}
 * before it looks at anything else. Collects every broken rule, then {@link #orThrow()}.
 * <pre>{@code FieldRules.check().body("body", body).orThrow();}</pre>
 */
final class FieldRules {

    static final int BODY_MAX = 20_000;
    static final int TITLE_MAX = 300;
    static final int DESCRIPTION_MAX = 5_000;
    static final int NOTE_MAX = 2_000;
    static final int REASON_MAX = 1_000;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|und");

    private final List<FieldError> errors = new ArrayList<>();

    private FieldRules() {
    }

    static FieldRules check() {
        return new FieldRules();
    }

    /** A comment or reply body: 1..20,000 characters after trimming, line breaks and tabs allowed. */
    FieldRules body(String field, String value) {
        return text(field, value, true, BODY_MAX, true);
    }

    /** A one-line title: 1..300 characters after trimming, no control characters at all. */
    FieldRules title(String field, String value) {
        return text(field, value, true, TITLE_MAX, false);
    }

    /** Optional multi-line text (description, note, reason): at most {@code max} characters. */
    FieldRules optionalText(String field, String value, int max) {
        return text(field, value, false, max, true);
    }

    /** An http(s) URL by the rules of {@link UrlNormalizer}. */
    FieldRules url(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return this;
        }
        try {
            UrlNormalizer.normalize(value);
        } catch (UrlNormalizer.InvalidUrlException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
        return this;
    }

    /** An optional id of a comment (the share's parent): the server's ids, or ids of the same shape. */
    FieldRules optionalCommentId(String field, String value) {
        if (value != null && !Identifiers.isEntityId(value)) {
            errors.add(new FieldError(field, "must be a comment id"));
        }
        return this;
    }

    /** An optional ISO 639-1 code (lower case) or {@code und}. */
    FieldRules language(String field, String value) {
        if (value != null && !LANGUAGE.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be an ISO 639-1 code in lower case, such as 'no' or 'en', or 'und'"));
        }
        return this;
    }

    void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private FieldRules text(String field, String value, boolean required, int max, boolean multiLine) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return this;
        }
        String trimmed = value.strip();
        if (required && trimmed.isEmpty()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (trimmed.codePointCount(0, trimmed.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (hasForbiddenControlCharacter(value, multiLine)) {
            errors.add(new FieldError(field, multiLine
                    ? "must not contain control characters other than line breaks and tabs"
                    : "must not contain control characters or line breaks"));
        }
        return this;
    }

    /** Line feed and tab are text; a carriage return only as part of CR LF. */
    static boolean hasForbiddenControlCharacter(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) != Character.CONTROL) {
                continue;
            }
            boolean allowed = multiLine && (c == '\n' || c == '\t'
                    || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n'));
            if (!allowed) {
                return true;
            }
        }
        return false;
    }
}

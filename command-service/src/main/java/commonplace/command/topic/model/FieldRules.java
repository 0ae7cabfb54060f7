package commonplace.command.topic.model;

import commonplace.command.links.UrlNormalizer;
import commonplace.command.topic.model.InvalidInputException.FieldError;
import commonplace.events.Identifiers;
import commonplace.events.text.TextRules;
import commonplace.events.text.TextRules.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract's rules for the fields of a command, each stated here once and checked once, by the {@link Topic}
 * before it looks at anything else. Collects every broken rule, then {@link #orThrow()}. Public for the importer,
 * which reads the same rules to report what a source's text breaks before anything is recorded.
 * <pre>{@code FieldRules.check().body("body", body).orThrow();}</pre>
 */
public final class FieldRules {

    public static final int BODY_MAX = 20_000;
    public static final int TITLE_MAX = 300;
    public static final int DESCRIPTION_MAX = 5_000;
    public static final int NOTE_MAX = 2_000;
    public static final int REASON_MAX = 1_000;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|und");

    private final List<FieldError> errors = new ArrayList<>();

    private FieldRules() {
    }

    public static FieldRules check() {
        return new FieldRules();
    }

    /** A comment or reply body: 1..20,000 characters after trimming, multi-line text by {@link TextRules}. */
    public FieldRules body(String field, String value) {
        return text(field, value, true, BODY_MAX, Kind.MULTI_LINE);
    }

    /** A title: 1..300 characters after trimming, one line by {@link TextRules}. */
    public FieldRules title(String field, String value) {
        return text(field, value, true, TITLE_MAX, Kind.ONE_LINE);
    }

    /** Optional multi-line text (description, note, reason): at most {@code max} characters. */
    public FieldRules optionalText(String field, String value, int max) {
        return text(field, value, false, max, Kind.MULTI_LINE);
    }

    /** An http(s) URL by the rules of {@link UrlNormalizer} (one line by {@link TextRules} among them). */
    public FieldRules url(String field, String value, boolean required) {
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
    public FieldRules optionalCommentId(String field, String value) {
        if (value != null && !Identifiers.isEntityId(value)) {
            errors.add(new FieldError(field, "must be a comment id"));
        }
        return this;
    }

    /** An optional ISO 639-1 code (lower case) or {@code und}. */
    public FieldRules language(String field, String value) {
        if (value != null && !LANGUAGE.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be an ISO 639-1 code in lower case, such as 'no' or 'en', or 'und'"));
        }
        return this;
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private FieldRules text(String field, String value, boolean required, int max, Kind kind) {
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
        } else {
            TextRules.check(value, kind).ifPresent(broken -> errors.add(new FieldError(field, broken.message())));
        }
        return this;
    }
}

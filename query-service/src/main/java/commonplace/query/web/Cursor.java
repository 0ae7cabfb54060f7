package commonplace.query.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: base64url of {@code v1|<kind>|<field>|...}. The kind ties a cursor to the list it came
 * from; anything a client made up or changed fails to decode as a 400 problem, never a 500.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final String SEPARATOR = "|";
    private static final int MAX_LENGTH = 1024;

    private final List<String> fields;

    private Cursor(List<String> fields) {
        this.fields = fields;
    }

    public static String encode(String kind, Object... fields) {
        StringBuilder plain = new StringBuilder(VERSION).append(SEPARATOR).append(kind);
        for (Object field : fields) {
            String text = String.valueOf(field);
            if (text.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a cursor field cannot contain " + SEPARATOR);
            }
            plain.append(SEPARATOR).append(text);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of {@code kind} with exactly {@code fieldCount} fields, or answers 400. */
    public static Cursor decode(String encoded, String kind, int fieldCount) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = Arrays.asList(plain.split("\\|", -1));
        if (parts.size() != fieldCount + 2 || !VERSION.equals(parts.get(0)) || !kind.equals(parts.get(1))) {
            throw invalid();
        }
        return new Cursor(new ArrayList<>(parts.subList(2, parts.size())));
    }

    public String text(int index) {
        String value = fields.get(index);
        if (value.isEmpty()) {
            throw invalid();
        }
        return value;
    }

    public long number(int index) {
        try {
            return Long.parseLong(fields.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid("cursor", "is not a cursor this list issued");
    }
}

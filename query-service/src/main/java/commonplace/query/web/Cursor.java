package commonplace.query.web;

import commonplace.events.Identifiers;
import commonplace.query.ingest.Sql;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Opaque keyset cursors: base64url of {@code v1|<kind>|<field>|...}. The kind ties a cursor to the list it came
 * from. A cursor decodes into typed, validated values only: a sequence is a positive whole number, an instant lies
 * in years 1 to 9999 (what the tables and the answers can hold), an id matches its rule, and nothing but printable
 * ASCII appears anywhere. Whatever a client made up or changed is a 400 problem, never a 500 or a page of nothing
 * because a key made no sense.
 */
public final class Cursor {

    private static final long EARLIEST_MICROS = micros(Sql.EARLIEST);
    private static final long LATEST_MICROS = micros(Sql.LATEST);
    private static final String VERSION = "v1";
    private static final char SEPARATOR = '|';
    private static final int MAX_LENGTH = 1024;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    /** A whole number as {@link #encode} writes one: no sign, no leading zero. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[1-9][0-9]{0,18}|0");

    private final List<String> fields;

    private Cursor(List<String> fields) {
        this.fields = fields;
    }

    /**
     * The cursor of a list of {@code kind} after the item these fields identify. Instants are written as
     * microseconds since the epoch (what the tables hold), enum constants by name.
     */
    public static String encode(String kind, Object... fields) {
        StringBuilder plain = new StringBuilder(VERSION).append(SEPARATOR).append(kind);
        for (Object field : fields) {
            String text = field instanceof Instant instant ? Long.toString(micros(instant))
                    : field instanceof Enum<?> constant ? constant.name() : String.valueOf(field);
            if (!printable(text) || text.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor field is printable ASCII without " + SEPARATOR);
            }
            plain.append(SEPARATOR).append(text);
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a cursor of {@code kind} with exactly {@code fieldCount} fields, or answers 400. */
    public static Cursor decode(String encoded, String kind, int fieldCount) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_LENGTH
                || !BASE64URL.matcher(encoded).matches()) {
            throw invalid();
        }
        String plain;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            plain = StandardCharsets.US_ASCII.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
        if (!printable(plain)) {
            throw invalid();
        }
        List<String> parts = Arrays.asList(plain.split(Pattern.quote(String.valueOf(SEPARATOR)), -1));
        if (parts.size() != fieldCount + 2 || !VERSION.equals(parts.get(0)) || !kind.equals(parts.get(1))) {
            throw invalid();
        }
        return new Cursor(List.copyOf(parts.subList(2, parts.size())));
    }

    /** A per-topic sequence: 1 or more. */
    public long sequence(int index) {
        long value = number(index);
        if (value < 1) {
            throw invalid();
        }
        return value;
    }

    /** An instant, from microseconds since the epoch, within years 1 to 9999. */
    public Instant instant(int index) {
        long micros = number(index);
        if (micros < EARLIEST_MICROS || micros > LATEST_MICROS) {
            throw invalid();
        }
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    public String topicId(int index) {
        return matching(index, Identifiers::isTopicId);
    }

    public String authorId(int index) {
        return matching(index, Identifiers::isAuthorId);
    }

    /** One of an enum's constants, by name. */
    public <E extends Enum<E>> E constant(int index, Class<E> type) {
        String name = fields.get(index);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw invalid();
    }

    private long number(int index) {
        String text = fields.get(index);
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw invalid();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            // nineteen digits beyond Long.MAX_VALUE
            throw invalid();
        }
    }

    private String matching(int index, Predicate<String> rule) {
        String value = fields.get(index);
        if (!rule.test(value)) {
            throw invalid();
        }
        return value;
    }

    /** Microseconds since the epoch; ChronoUnit.MICROS.between counts in nanoseconds and overflows past 292 years. */
    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The one answer to any cursor this list did not issue. */
    public static ApiProblem invalid() {
        return ApiProblem.invalid("cursor", "is not a cursor this list issued");
    }
}

package commonplace.query.ingest;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Rows in COPY's text format, written straight into UTF-8 bytes and handed to the COPY in chunks: {@code \N} is
 * null; backslash, tab, newline and carriage return are escaped. Going through a StringBuilder and a Reader instead
 * made the driver encode every character once more, a fifth of a rebuild's Java time; one buffer for a whole batch
 * was several megabytes of garbage per batch.
 */
final class CopyText {

    private static final int CHUNK = 64 * 1024;

    private final CopyIn copy;
    private byte[] bytes = new byte[CHUNK];
    private int size;
    private boolean rowStarted;

    CopyText(CopyIn copy) {
        this.copy = copy;
    }

    /** Appends one row; values are strings, numbers, booleans, timestamps or {@link Utf8Text}. */
    void row(Object[] values) throws SQLException {
        for (Object value : values) {
            value(value);
        }
        ensure(1);
        bytes[size++] = '\n';
        rowStarted = false;
        if (size >= CHUNK) {
            flush();
        }
    }

    /** Sends what is buffered to the COPY. */
    void flush() throws SQLException {
        if (size > 0) {
            copy.writeToCopy(bytes, 0, size);
            size = 0;
        }
    }

    private void value(Object value) {
        if (rowStarted) {
            ensure(1);
            bytes[size++] = '\t';
        }
        rowStarted = true;
        if (value == null) {
            ascii("\\N");
        } else if (value instanceof String text) {
            escaped(text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Utf8Text text) {
            escaped(text.bytes());
        } else if (value instanceof Boolean flag) {
            ascii(flag ? "t" : "f");
        } else if (value instanceof Number || value instanceof OffsetDateTime) {
            // digits, and ISO-8601 such as 2026-11-25T04:05:06.123Z: nothing to escape
            ascii(value.toString());
        } else {
            escaped(value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * UTF-8 never uses bytes below 0x80 inside a multi-byte character, so escaping byte by byte is exact. Runs
     * without anything to escape are copied in one go.
     */
    private void escaped(byte[] utf8) {
        ensure(2 * utf8.length);
        int plainFrom = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b >= ' ' && b != '\\' || b < 0) {
                continue;
            }
            char escape = switch (b) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escape != 0) {
                System.arraycopy(utf8, plainFrom, bytes, size, i - plainFrom);
                size += i - plainFrom;
                bytes[size++] = '\\';
                bytes[size++] = (byte) escape;
                plainFrom = i + 1;
            }
        }
        System.arraycopy(utf8, plainFrom, bytes, size, utf8.length - plainFrom);
        size += utf8.length - plainFrom;
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more + 1024));
        }
    }
}

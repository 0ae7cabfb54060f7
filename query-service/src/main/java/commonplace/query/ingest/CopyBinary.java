package commonplace.query.ingest;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in COPY's binary format, handed to the COPY in chunks: each value is its length and its bytes, so text goes
 * as its UTF-8 bytes with nothing to escape and timestamps as microseconds, with nothing to format here or to parse
 * in PostgreSQL. Escaping the text format byte by byte and formatting its timestamps were a quarter of a rebuild's
 * Java time. Column types must be the tables' own: the binary format has no conversions.
 */
final class CopyBinary {

    private static final int CHUNK = 64 * 1024;
    /** Signature, flags (no OIDs) and the length of the header extension (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private enum Kind { TEXT, BIGINT, INTEGER, BOOLEAN, TIMESTAMPTZ }

    private final CopyIn copy;
    private final Kind[] kinds;
    private byte[] bytes = new byte[CHUNK];
    private int size;

    CopyBinary(CopyIn copy, List<ArrayInsert.Column> columns) {
        this.copy = copy;
        this.kinds = columns.stream().map(column -> switch (column.type()) {
            case "text" -> Kind.TEXT;
            case "bigint" -> Kind.BIGINT;
            case "integer" -> Kind.INTEGER;
            case "boolean" -> Kind.BOOLEAN;
            case "timestamptz" -> Kind.TIMESTAMPTZ;
            default -> throw new IllegalArgumentException("no binary COPY for " + column.type());
        }).toArray(Kind[]::new);
        ensure(HEADER.length);
        System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
        size = HEADER.length;
    }

    /** Appends one row; values in column order: strings, {@link Utf8Text}, numbers, booleans or timestamps. */
    void row(Object[] values) throws SQLException {
        if (values.length != kinds.length) {
            throw new IllegalArgumentException(values.length + " values for " + kinds.length + " columns");
        }
        ensure(2);
        putShort(kinds.length);
        for (int column = 0; column < kinds.length; column++) {
            value(kinds[column], values[column]);
        }
        if (size >= CHUNK) {
            flush();
        }
    }

    /** Writes the trailer and sends what is buffered; the COPY may end after it. */
    void finish() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
    }

    private void flush() throws SQLException {
        if (size > 0) {
            copy.writeToCopy(bytes, 0, size);
            size = 0;
        }
    }

    private void value(Kind kind, Object value) {
        if (value == null) {
            ensure(4);
            putInt(-1);
            return;
        }
        switch (kind) {
            case TEXT -> {
                byte[] utf8 = value instanceof Utf8Text text ? text.bytes()
                        : value.toString().getBytes(StandardCharsets.UTF_8);
                ensure(4 + utf8.length);
                putInt(utf8.length);
                System.arraycopy(utf8, 0, bytes, size, utf8.length);
                size += utf8.length;
            }
            case BIGINT -> {
                ensure(12);
                putInt(8);
                putLong(((Number) value).longValue());
            }
            case INTEGER -> {
                ensure(8);
                putInt(4);
                putInt(((Number) value).intValue());
            }
            case BOOLEAN -> {
                ensure(5);
                putInt(1);
                bytes[size++] = (byte) ((Boolean) value ? 1 : 0);
            }
            case TIMESTAMPTZ -> {
                ensure(12);
                putInt(8);
                putLong(postgresMicros(value instanceof OffsetDateTime timestamp ? timestamp.toInstant()
                        : (Instant) value));
            }
        }
    }

    /**
     * Microseconds since PostgreSQL's epoch, rounded half to even as PostgreSQL rounds the fraction of a timestamp
     * given as text.
     */
    static long postgresMicros(Instant instant) {
        long micros = instant.getNano() / 1000;
        int rest = instant.getNano() % 1000;
        if (rest > 500 || rest == 500 && (micros & 1) == 1) {
            micros++;
        }
        return Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L) + micros;
    }

    private void putShort(int value) {
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putInt(int value) {
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more + 1024));
        }
    }
}

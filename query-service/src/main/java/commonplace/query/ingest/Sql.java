package commonplace.query.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Instants to and from timestamptz columns, the one conversion every projection and query needs. */
public final class Sql {

    /** The instants the read models take: timestamptz holds more, but the answers' instant format does not. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long LAST_SECOND_OF_9999 = 253_402_300_800L;

    private Sql() {
    }

    public static OffsetDateTime timestamp(Instant instant) {
        // not atOffset: that builds the offset's ZoneRules anew for every value, a measurable share of a rebuild
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /**
     * Instants as text for a {@code cast(? as text[])::timestamptz[]} parameter: the driver binds a String[] as a
     * text array, but has no array type for instants.
     */
    public static String[] timestamps(List<Instant> instants) {
        return instants.stream().map(instant -> instant == null ? null : text(instant)).toArray(String[]::new);
    }

    /**
     * An instant as ISO-8601 text in UTC with all nine digits of its fraction, such as 2026-11-25T04:05:06.123000000Z,
     * which PostgreSQL reads as Instant.toString()'s form. Written out by hand: the JDK's formatter was a twentieth
     * of a rebuild's Java time. Years before 1970 or after 9999 take the JDK's way.
     */
    public static String text(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= LAST_SECOND_OF_9999) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        char[] text = new char[30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano(), 9);
        text[29] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int index = at + width - 1; index >= at; index--) {
            text[index] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

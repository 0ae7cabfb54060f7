package commonplace.command.importing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The time formats exports use, read as UTC instants; anything else is "unreadable" to the caller. */
public final class SourceTimes {

    /** WordPress's MySQL datetime, {@code 2010-07-20 12:08:08}. */
    private static final DateTimeFormatter WORDPRESS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /** Before 1995 no export of a comment engine has a real time: {@code 0000-00-00}, {@code 1970-01-01}. */
    private static final Instant EARLIEST_REAL = Instant.parse("1995-01-01T00:00:00Z");

    private SourceTimes() {
    }

    /** Disqus's {@code 2011-08-31T15:16:29Z}, with or without fraction or another offset. */
    public static Optional<Instant> iso(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return real(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return real(LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocalEither) {
                return Optional.empty();
            }
        }
    }

    /**
     * A WordPress datetime in UTC ({@code comment_date_gmt}); empty for WordPress's "no date"
     * {@code 0000-00-00 00:00:00} and for anything unreadable.
     */
    public static Optional<Instant> wordpress(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return real(LocalDateTime.parse(text.strip(), WORDPRESS).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> real(Instant instant) {
        return instant.isBefore(EARLIEST_REAL) ? Optional.empty() : Optional.of(instant);
    }
}

package commonplace.query.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Instants to and from timestamptz columns, the one conversion every projection and query needs. */
public final class Sql {

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
        return instants.stream().map(instant -> instant == null ? null : instant.toString()).toArray(String[]::new);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

package commonplace.query.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CopyBinaryTest {

    @Test
    void timestampsCountMicrosecondsFromTheYear2000RoundedAsPostgresRoundsText() {
        assertThat(CopyBinary.postgresMicros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(CopyBinary.postgresMicros(Instant.parse("2026-11-25T04:05:06.123Z")))
                .isEqualTo((Instant.parse("2026-11-25T04:05:06Z").getEpochSecond() - 946_684_800L) * 1_000_000L
                        + 123_000L);
        assertThat(CopyBinary.postgresMicros(Instant.parse("1999-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        // half a microsecond goes to the even neighbour, more than half up
        assertThat(CopyBinary.postgresMicros(Instant.parse("2000-01-01T00:00:00.0000025Z"))).isEqualTo(2);
        assertThat(CopyBinary.postgresMicros(Instant.parse("2000-01-01T00:00:00.0000035Z"))).isEqualTo(4);
        assertThat(CopyBinary.postgresMicros(Instant.parse("2000-01-01T00:00:00.000002501Z"))).isEqualTo(3);
        assertThat(CopyBinary.postgresMicros(Instant.parse("1999-12-31T23:59:59.9999995Z"))).isZero();
    }
}

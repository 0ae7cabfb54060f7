package commonplace.query.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTest {

    @Test
    void instantsAsTextReadBackAsTheSameInstants() {
        assertThat(Sql.text(Instant.parse("2026-11-25T04:05:06.123Z"))).isEqualTo("2026-11-25T04:05:06.123000000Z");
        assertThat(Sql.text(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000000Z");
        assertThat(Sql.text(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isEqualTo("9999-12-31T23:59:59.999999999Z");
        assertThat(Sql.text(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59.500Z");
        Random random = new Random(25);
        for (int n = 0; n < 100_000; n++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(253_402_300_800L), random.nextInt(1_000_000_000));
            assertThat(Instant.parse(Sql.text(instant))).isEqualTo(instant);
        }
    }
}

package commonplace.command.privacy;

import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After an erasure commits, data_key (whose dead row version still holds the wrapped key) and the other tables the
 * erasure changed are vacuumed on a connection of their own, without holding up the answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0"})
class ErasureVacuumTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(ErasureVacuumTest.class);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theErasedKeysTableIsVacuumedAfterTheErasureCommits() {
        Http http = new Http(port);
        String vera = Tokens.author("vera", "Vera Vakuum");
        assertThat(http.put("/api/v1/topics/vacuum-one", vera, Map.of("title", "Vacuum")).status()).isLessThan(300);
        long before = vacuums("data_key");
        long importTablesBefore = vacuums("imported_item");

        assertThat(http.call("POST", "/api/v1/authors/vera/erasure").token(vera).send().status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> vacuums("data_key") > before);
        await().atMost(Duration.ofSeconds(30)).until(() -> vacuums("imported_item") > importTablesBefore);
    }

    private long vacuums(String table) {
        // a fresh transaction each time, so the statistics snapshot is current
        return jdbc.queryForObject("select vacuum_count from pg_stat_user_tables where schemaname = current_schema()"
                + " and relname = ?", Long.class, table);
    }
}

package commonplace.query;

import commonplace.testing.http.RawHttp;
import commonplace.testing.http.RefusedRequestsContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container and the firewall refuse, answered by the read side as {@link RefusedRequestsContract}
 * says; the service still lists topics afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathsAndHeadersTest extends QueryServiceTestBase implements RefusedRequestsContract {

    private RefusingService refusing;

    @BeforeAll
    void aRawClient() {
        String ada = TestTokens.mint("ada", "Ada Lovelace", List.of(), Instant.now().plusSeconds(600));
        refusing = new RefusingService(new RawHttp(port), ada, "/api/v1/admin/projections/rebuild", false,
                "/api/v1/admin/projections/rebuild", () -> assertThat(get("/api/v1/topics").status()).isEqualTo(200));
    }

    @Override
    public RefusingService refusing() {
        return refusing;
    }
}

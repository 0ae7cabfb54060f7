package commonplace.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Imports through the admin API as a site owner runs them: started, then its report once it stopped running. */
public final class Imports {

    private Imports() {
    }

    /**
     * Posts {@code export} to {@code /api/v1/admin/imports?format=...} with {@code token} (202 and a Location to the
     * import expected) and returns the report {@code admin} reads there once the import is no longer running.
     */
    public static JsonNode runToEnd(Http http, String token, String admin, String format, String export) {
        Http.Response started = http.call("POST", "/api/v1/admin/imports?format=" + format).token(token)
                .header("Content-Type", "application/xml").raw(export).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/v1/admin/imports/" + started.text("importId"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !http.get(location, admin).json().get("state").asText()
                .equals("running"));
        return http.get(location, admin).json();
    }
}

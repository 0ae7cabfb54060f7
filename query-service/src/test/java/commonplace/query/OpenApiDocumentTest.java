package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.openapi.OpenApiDocumentContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service describes itself in OpenAPI 3.1 at {@code /v3/api-docs}, to anyone (the checks every service's
 * document passes are {@link OpenApiDocumentContract}'s); here, what is the read side's own.
 */
class OpenApiDocumentTest extends QueryServiceTestBase implements OpenApiDocumentContract {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Override
    public DocumentedService documented() {
        return new DocumentedService("http://127.0.0.1:" + port, routes, "Query service", "query-service");
    }

    @Test
    void readsArePublicAndTheAdminApiAsksForAToken() {
        JsonNode document = document();
        assertThat(document.at("/paths/~1api~1v1~1admin~1projections/get/security/0").has("bearer-jwt")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1topics/get").has("security")).isFalse();
    }

    @Test
    void readsSayTheyTakeConsistentWithAndConditionalReadsSay304() {
        JsonNode thread = document().at("/paths/~1api~1v1~1topics~1{topicId}~1thread/get");
        assertThat(thread.path("parameters").toString()).contains("#/components/parameters/consistentWith")
                .contains("#/components/parameters/If-None-Match");
        assertThat(thread.path("responses").has("304")).isTrue();
        assertThat(thread.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("ThreadPage");
        assertThat(thread.at("/responses/200/headers").has("X-Commonplace-Stale")).isTrue();
        assertThat(thread.at("/responses/429/x-problem-types").toString()).contains("rate-limited");
    }
}

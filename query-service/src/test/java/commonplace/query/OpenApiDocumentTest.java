package commonplace.query;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.openapi.ApiDocumentChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service describes itself in OpenAPI 3.1 at {@code /v3/api-docs}, to anyone: every route it serves, with
 * the problems each can answer, the token the admin API needs, consistentWith and conditional reads, valid as a real
 * OpenAPI parser reads it. The document is also written to {@code target/openapi/query-service.json}.
 */
class OpenApiDocumentTest extends QueryServiceTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    private Response answer;
    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws IOException {
        answer = get("/v3/api-docs");
        document = answer.json();
        Path written = Path.of("target", "openapi", "query-service.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, document.toPrettyString(), StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentIsPublicOpenApi31() {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void everyRouteTheServiceServesIsInTheDocument() {
        assertThat(ApiDocumentChecks.undocumentedRoutes(routes, document)).isEmpty();
        assertThat(document.path("paths").has("/api/v1/topics/{topicId}/thread")).isTrue();
    }

    @Test
    void everyRouteOfTheContractInWordsIsInTheDocument() {
        Set<String> contract = ApiDocumentChecks.contractRoutes(Path.of("..", "docs", "api.md"), "Query service");
        assertThat(contract).hasSizeGreaterThanOrEqualTo(20);
        assertThat(ApiDocumentChecks.missingRoutes(document, contract)).isEmpty();
    }

    @Test
    void aRealOpenApiParserFindsNothingWrong() {
        assertThat(ApiDocumentChecks.parserMessages(answer.body())).isEmpty();
        String dangling = answer.body().replace("\"#/components/schemas/Problem\"", "\"#/components/schemas/Nothing\"");
        assertThat(ApiDocumentChecks.parserMessages(dangling)).isNotEmpty();
    }

    @Test
    void everyOperationThatAsksForATokenRefusesARequestWithoutOneAndNoOtherDoes() {
        assertThat(ApiDocumentChecks.securityMismatches(document, "http://127.0.0.1:" + port)).isEmpty();
        assertThat(document.at("/paths/~1api~1v1~1admin~1projections/get/security/0").has("bearer-jwt")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1topics/get").has("security")).isFalse();
    }

    @Test
    void readsSayTheyTakeConsistentWithAndConditionalReadsSay304() {
        JsonNode thread = document.at("/paths/~1api~1v1~1topics~1{topicId}~1thread/get");
        assertThat(thread.path("parameters").toString()).contains("#/components/parameters/consistentWith")
                .contains("#/components/parameters/If-None-Match");
        assertThat(thread.path("responses").has("304")).isTrue();
        assertThat(thread.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("ThreadPage");
        assertThat(thread.at("/responses/429/x-problem-types").toString()).contains("rate-limited");
    }

    @Test
    void swaggerUiIsServedToAnyone() {
        Response ui = get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(get("/swagger-ui.html").status()).isIn(200, 302);
    }
}

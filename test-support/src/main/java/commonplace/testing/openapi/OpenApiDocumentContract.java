package commonplace.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each service's OpenAPI document promises, as tests a service's test class takes on by implementing this: the
 * document is public OpenAPI 3.1 with the bearer-JWT scheme, lists every route the service serves and every route of
 * the service's table in {@code docs/api.md}, is valid as swagger-parser reads it, states each operation's token
 * requirement as the running service enforces it, and Swagger UI is served to anyone. Each call writes the document
 * to {@code target/openapi/<service>.json}.
 */
public interface OpenApiDocumentContract {

    /**
     * The service under test: where it runs ({@code http://127.0.0.1:<port>}), its Spring MVC mapping (the routes it
     * serves), the heading of its section in docs/api.md ({@code Command service}) and the name its document is written
     * under ({@code command-service}).
     */
    record DocumentedService(String url, RequestMappingHandlerMapping routes, String contractSection, String name) {
    }

    DocumentedService documented();

    default JsonNode document() {
        Http.Response answer = new Http(documented().url()).get("/v3/api-docs");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode document = answer.json();
        try {
            Path written = Path.of("target", "openapi", documented().name() + ".json");
            Files.createDirectories(written.getParent());
            Files.writeString(written, document.toPrettyString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return document;
    }

    @Test
    default void theDocumentIsPublicOpenApi31WithTheBearerScheme() {
        JsonNode document = document();
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/bearer-jwt/bearerFormat").asText()).isEqualTo("JWT");
    }

    @Test
    default void everyRouteTheServiceServesIsInTheDocument() {
        assertThat(ApiDocumentChecks.undocumentedRoutes(documented().routes(), document())).isEmpty();
    }

    @Test
    default void everyRouteOfTheContractInWordsIsInTheDocument() {
        String section = documented().contractSection();
        Set<String> contract = ApiDocumentChecks.contractRoutes(Path.of("..", "docs", "api.md"), section);
        assertThat(contract).as("the routes of ## " + section + " in docs/api.md").hasSizeGreaterThan(5);
        assertThat(ApiDocumentChecks.missingRoutes(document(), contract)).isEmpty();
    }

    @Test
    default void aRealOpenApiParserFindsNothingWrongButWouldFindADanglingReference() {
        String json = document().toString();
        assertThat(ApiDocumentChecks.parserMessages(json)).isEmpty();
        String dangling = json.replace("\"#/components/schemas/Problem\"", "\"#/components/schemas/Nothing\"");
        assertThat(ApiDocumentChecks.parserMessages(dangling)).isNotEmpty();
    }

    @Test
    default void everyOperationThatAsksForATokenRefusesARequestWithoutOneAndNoOtherDoes() {
        assertThat(ApiDocumentChecks.securityMismatches(document(), documented().url())).isEmpty();
    }

    @Test
    default void swaggerUiIsServedToAnyone() {
        Http http = new Http(documented().url());
        Http.Response ui = http.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
    }
}

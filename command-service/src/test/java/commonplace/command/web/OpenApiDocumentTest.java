package commonplace.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Http;
import commonplace.command.support.Http.Response;
import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.openapi.ApiDocumentChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service describes itself in OpenAPI 3.1 at {@code /v3/api-docs}, to anyone: every route it serves,
 * with the problems each can answer and the bearer token each needs, valid as a real OpenAPI parser reads it. The
 * document is also written to {@code target/openapi/command-service.json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        // any 32 bytes in base64: with a key-encryption key the key endpoint is served, and must be described too
        "commonplace.privacy.key-encryption-key=b3BlbmFwaS1kb2N1bWVudC10ZXN0LWtlay0zMi1ieXQ="})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(OpenApiDocumentTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    private Http http;
    private Response answer;
    private JsonNode document;

    @BeforeAll
    void readTheDocument() throws IOException {
        http = new Http(port);
        answer = http.call("GET", "/v3/api-docs").send();
        document = answer.json();
        Path written = Path.of("target", "openapi", "command-service.json");
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
        assertThat(document.path("paths").has("/api/v1/topics/{topicId}/comments")).isTrue();
        assertThat(document.path("paths").has("/api/v1/keys/{keyId}")).isTrue();
    }

    @Test
    void everyRouteOfTheContractInWordsIsInTheDocument() {
        Set<String> contract = ApiDocumentChecks.contractRoutes(Path.of("..", "docs", "api.md"), "Command service");
        assertThat(contract).hasSizeGreaterThanOrEqualTo(10);
        assertThat(ApiDocumentChecks.missingRoutes(document, contract)).isEmpty();
    }

    @Test
    void aRealOpenApiParserFindsNothingWrong() {
        assertThat(ApiDocumentChecks.parserMessages(answer.body())).isEmpty();
        String dangling = answer.body().replace("\"#/components/schemas/Problem\"", "\"#/components/schemas/Nothing\"");
        assertThat(ApiDocumentChecks.parserMessages(dangling)).isNotEmpty();
    }

    @Test
    void everyOperationThatAsksForATokenRefusesARequestWithoutOne() {
        assertThat(ApiDocumentChecks.securityMismatches(document, "http://127.0.0.1:" + port)).isEmpty();
    }

    @Test
    void swaggerUiIsServedToAnyone() {
        Response ui = http.call("GET", "/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(http.call("GET", "/swagger-ui.html").send().status()).isIn(200, 302);
    }
}

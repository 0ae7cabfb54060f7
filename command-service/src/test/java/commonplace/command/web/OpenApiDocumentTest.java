package commonplace.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.openapi.OpenApiDocumentContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service describes itself in OpenAPI 3.1 at {@code /v3/api-docs}, to anyone (the checks every service's
 * document passes are {@link OpenApiDocumentContract}'s); here, what is the write side's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        // any 32 bytes in base64: with a key-encryption key the key endpoint is served, and must be described too
        "commonplace.privacy.key-encryption-key=b3BlbmFwaS1kb2N1bWVudC10ZXN0LWtlay0zMi1ieXQ="})
class OpenApiDocumentTest implements OpenApiDocumentContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(OpenApiDocumentTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Override
    public DocumentedService documented() {
        return new DocumentedService("http://127.0.0.1:" + port, routes, "Command service", "command-service");
    }

    @Test
    void everyCommandTakesAnIdempotencyKeyAndNamesItsOwnProblems() {
        JsonNode edit = document().at("/paths/~1api~1v1~1comments~1{commentId}/put");
        assertThat(edit.path("parameters").toString()).contains("#/components/parameters/Idempotency-Key")
                .contains("If-Match");
        assertThat(edit.at("/responses/412/x-problem-types").toString()).contains("stale-revision");
        assertThat(edit.at("/responses/428/x-problem-types").toString()).contains("precondition-required");
        assertThat(edit.at("/responses/429/headers").has("Retry-After")).isTrue();
        assertThat(edit.at("/responses/200/headers").has("ETag")).isTrue();
        JsonNode lock = document().at("/paths/~1api~1v1~1topics~1{topicId}~1lock/post");
        assertThat(lock.at("/responses/204/headers").has("X-Commonplace-Position")).isTrue();
        assertThat(lock.at("/security/0").has("bearer-jwt")).isTrue();
        assertThat(document().path("paths").has("/api/v1/keys/{keyId}")).isTrue();
    }

    @Test
    void theStoredImportMappingIsCsvInAndOutAndNamesItsOwnRefusal() {
        JsonNode mapping = document().at("/paths/~1api~1v1~1admin~1import-mappings~1{format}");
        JsonNode put = mapping.path("put");
        assertThat(put.at("/requestBody/content").has("text/csv")).isTrue();
        assertThat(put.at("/responses/400/x-problem-types").toString()).contains("invalid-mapping");
        assertThat(put.at("/responses/413/x-problem-types").toString()).contains("payload-too-large");
        assertThat(put.at("/responses/403/x-problem-types").toString()).contains("forbidden");
        assertThat(put.path("responses").has("201")).isTrue();
        assertThat(mapping.at("/get/responses/200/content").has("text/csv")).isTrue();
        assertThat(mapping.at("/delete/responses").has("204")).isTrue();
    }
}

package commonplace.web.openapi;

import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

    @Test
    void problemsOfOneStatusShareOneResponseWithAnExampleEach() {
        Operation operation = new Operation();
        ProblemResponses.add(operation, List.of(ProblemType.TOPIC_LOCKED, ProblemType.NOT_FOUND));
        ProblemResponses.add(operation, List.of(ProblemType.DUPLICATE_POST, ProblemType.TOPIC_LOCKED));

        assertThat(operation.getResponses()).containsOnlyKeys("404", "409");
        ApiResponse conflict = operation.getResponses().get("409");
        assertThat(conflict.getExtensions().get(ProblemResponses.TYPES_EXTENSION)).isEqualTo(List.of(
                "urn:commonplace:problem:topic-locked", "urn:commonplace:problem:duplicate-post"));
        assertThat(conflict.getContent().get("application/problem+json").getExamples())
                .containsOnlyKeys("topic-locked", "duplicate-post");
        assertThat(conflict.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(conflict.getDescription()).contains("Topic Locked (`topic-locked`)")
                .contains("Duplicate Post (`duplicate-post`)");
    }

    @Test
    void refusalsThatAskTheClientToWaitOrAuthenticateNameTheirHeaders() {
        Operation operation = new Operation();
        ProblemResponses.add(operation, List.of(ProblemType.RATE_LIMITED, ProblemType.SERVICE_UNAVAILABLE,
                ProblemType.UNAUTHORIZED));

        assertThat(operation.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(operation.getResponses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(operation.getResponses().get("401").getHeaders()).containsKey("WWW-Authenticate");
    }
}

package commonplace.query.consistency;

import commonplace.web.openapi.ApiComponents;
import commonplace.web.openapi.ApiDocumentation;
import commonplace.web.openapi.ProblemResponses;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * The OpenAPI document gives every read that {@link ConsistentReads} serves its {@code consistentWith} parameter, a
 * 400 for a position that is forged or of another topic, and the two headers that say a read did not wait for it.
 */
@Component
class ConsistentReadsDocumentation implements OpenApiCustomizer {

    private static final PathPattern READS = PathPatternParser.defaultInstance.parse(ConsistentReads.PATHS);

    @Override
    public void customise(OpenAPI document) {
        document.getComponents().addHeaders(ConsistentReads.STALE_HEADER, new Header().schema(ApiComponents.typed("boolean"))
                .description("true: the read answered before the consistentWith position was applied (the wait timed "
                        + "out, or the position is too far ahead, or too many reads wait)"));
        document.getComponents().addHeaders(ConsistentReads.PARKED_HEADER, new Header().schema(ApiComponents.typed("boolean"))
                .description("true: the position's topic is parked (an event could not be applied; admins see it), so "
                        + "the read did not wait"));
        ApiDocumentation.eachOperation(document, (route, operation) -> {
            if (!"GET".equals(route.method()) || !READS.matches(PathContainer.parsePath(route.path()))) {
                return;
            }
            operation.addParametersItem(ApiComponents.parameter(ApiComponents.CONSISTENT_WITH));
            ProblemResponses.add(operation, List.of(ProblemType.VALIDATION_FAILED));
            ApiDocumentation.successes(operation).forEach(answer -> answer
                    .addHeaderObject(ConsistentReads.STALE_HEADER, ApiComponents.header(ConsistentReads.STALE_HEADER))
                    .addHeaderObject(ConsistentReads.PARKED_HEADER,
                            ApiComponents.header(ConsistentReads.PARKED_HEADER)));
        });
    }
}

package commonplace.query.readlimit;

import commonplace.web.openapi.ApiDocumentation;
import commonplace.web.openapi.ProblemResponses;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

/** The OpenAPI document says of every read the limit counts ({@link ReadLimitFilter#isLimited}) that it may be a 429. */
@Component
class ReadLimitDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI document) {
        ApiDocumentation.eachOperation(document, (route, operation) -> {
            if (ReadLimitFilter.isLimited(route.method(), route.path())) {
                ProblemResponses.add(operation, List.of(ProblemType.RATE_LIMITED));
            }
        });
    }
}

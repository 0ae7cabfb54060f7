package commonplace.command.topic.web;

import commonplace.web.openapi.ApiComponents;
import commonplace.web.openapi.ProblemResponses;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * What every command endpoint of this adapter shares in the OpenAPI document, because every command goes through
 * {@link commonplace.command.idempotency.IdempotentCommands} and the write limits: an {@code Idempotency-Key}, the
 * events-per-author rate limit, a simultaneous change to the same topic, and the write's position (in the body, or in
 * {@code X-Commonplace-Position} on a 204).
 */
@Component
class CommandDocumentation implements OperationCustomizer {

    private static final List<ProblemType> EVERY_COMMAND = List.of(ProblemType.RATE_LIMITED,
            ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.CONCURRENT_MODIFICATION);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getPackageName().equals(CommandDocumentation.class.getPackageName())) {
            return operation;
        }
        operation.addParametersItem(ApiComponents.parameter(ApiComponents.IDEMPOTENCY_KEY));
        ProblemResponses.add(operation, EVERY_COMMAND);
        if (operation.getResponses().get("204") != null) {
            operation.getResponses().get("204").addHeaderObject(ApiComponents.POSITION,
                    ApiComponents.header(ApiComponents.POSITION));
        }
        return operation;
    }
}

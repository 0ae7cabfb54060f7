package commonplace.web.openapi;

import commonplace.events.Identifiers;
import commonplace.web.problem.ProblemType;
import commonplace.web.security.ApiSecurity;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What both services' OpenAPI documents say alike, derived from the code rather than listed: the shared components
 * ({@link ApiComponents}), the problems each endpoint can answer (those common to every request, those its
 * parameters, body and security bring, and those its handler names with {@link ProblemAnswers}), the bearer-JWT
 * requirement of every endpoint {@link ApiSecurity} asks a token of, and conditional reads ({@link ConditionalRead}).
 */
public class ApiDocumentation implements OpenApiCustomizer, OperationCustomizer {

    /** What any request can meet before its endpoint runs, or while it runs. */
    private static final List<ProblemType> EVERY_REQUEST = List.of(ProblemType.MALFORMED_REQUEST,
            ProblemType.HEADERS_TOO_LARGE, ProblemType.INTERNAL_ERROR, ProblemType.SERVICE_UNAVAILABLE);
    /** What a request body can meet: the size limit, UTF-8 JSON only, strict reading and the field rules. */
    private static final List<ProblemType> WITH_A_BODY = List.of(ProblemType.MALFORMED_JSON,
            ProblemType.VALIDATION_FAILED, ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE);
    private static final String SUCCESS = "2";
    private static final Map<String, Pattern> ID_PATTERNS = Map.of("topicId", Identifiers.TOPIC_ID,
            "authorId", Identifiers.AUTHOR_ID, "commentId", Identifiers.ENTITY_ID, "shareId", Identifiers.ENTITY_ID);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<ProblemType> named = new ArrayList<>();
        ProblemAnswers onController = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(),
                ProblemAnswers.class);
        ProblemAnswers onMethod = handler.getMethodAnnotation(ProblemAnswers.class);
        for (ProblemAnswers answers : new ProblemAnswers[]{onController, onMethod}) {
            if (answers != null) {
                named.addAll(Arrays.asList(answers.value()));
            }
        }
        ProblemResponses.add(operation, named);
        if (handler.hasMethodAnnotation(ConditionalRead.class)) {
            operation.addParametersItem(ApiComponents.parameter(ApiComponents.IF_NONE_MATCH));
            successes(operation).forEach(answer -> answer.addHeaderObject(ApiComponents.ETAG,
                    ApiComponents.header(ApiComponents.ETAG)));
            operation.getResponses().addApiResponse("304", new ApiResponse()
                    .description("Not Modified: the answer is the one whose ETag was sent in If-None-Match; no body")
                    .addHeaderObject(ApiComponents.ETAG, ApiComponents.header(ApiComponents.ETAG)));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI document) {
        if (document.getComponents() == null) {
            document.setComponents(new Components());
        }
        ApiComponents.addTo(document.getComponents());
        document.addExtension(ProblemResponses.TYPES_EXTENSION, ApiComponents.catalogue());
        eachOperation(document, (route, operation) -> {
            List<ProblemType> problems = new ArrayList<>(EVERY_REQUEST);
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            if (!secured && ApiSecurity.takesToken(route.method(), route.path())) {
                operation.addSecurityItem(new SecurityRequirement().addList(ApiComponents.BEARER_JWT));
                secured = true;
            }
            if (secured) {
                problems.add(ProblemType.UNAUTHORIZED);
            }
            if (ApiSecurity.isAdminOnly(route.path())) {
                problems.add(ProblemType.FORBIDDEN);
                operation.setDescription(join(operation.getDescription(),
                        "Needs a token with the `admin` role (403 with another)."));
            }
            if (operation.getRequestBody() != null) {
                problems.addAll(WITH_A_BODY);
            }
            if (route.path().contains("{") || (operation.getParameters() != null
                    && !operation.getParameters().isEmpty())) {
                problems.add(ProblemType.VALIDATION_FAILED);
            }
            ProblemResponses.add(operation, problems);
            describeIds(operation);
            if (operation.getResponses().get("201") != null) {
                operation.getResponses().get("201").addHeaderObject(ApiComponents.LOCATION,
                        ApiComponents.header(ApiComponents.LOCATION));
            }
        });
    }

    /** Path ids are the event language's: their pattern is stated where the document names them. */
    private static void describeIds(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Pattern pattern = "path".equals(parameter.getIn()) ? ID_PATTERNS.get(parameter.getName()) : null;
            if (pattern != null) {
                // a schema of its own: springdoc shares one instance between parameters of the same type
                parameter.setSchema(ApiComponents.typed("string").pattern("^" + pattern.pattern() + "$"));
            }
        }
    }

    /** An operation of the document, with the path template and the HTTP method it answers. */
    public record Route(String method, String path) {
    }

    /** Calls {@code action} with every operation of the document; for the rules a service adds to its own. */
    public static void eachOperation(OpenAPI document, BiConsumer<Route, Operation> action) {
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                action.accept(new Route(entry.getKey().name(), path), entry.getValue());
            }
        });
    }

    /** The success answers (2xx) of an operation. */
    public static List<ApiResponse> successes(Operation operation) {
        if (operation.getResponses() == null) {
            return List.of();
        }
        return operation.getResponses().entrySet().stream().filter(entry -> entry.getKey().startsWith(SUCCESS))
                .map(Map.Entry::getValue).toList();
    }

    private static String join(String description, String more) {
        return description == null || description.isBlank() ? more : description + " " + more;
    }
}

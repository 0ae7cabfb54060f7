package commonplace.web.openapi;

import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds problems of the catalogue to an operation's answers: one response per status, in application/problem+json,
 * with an example per problem type (named by its slug), the types listed in {@code x-problem-types} and described
 * in words, and the headers that come with them. Adding the same problem twice changes nothing.
 */
public final class ProblemResponses {

    /** On each problem response: the type URIs it may carry. */
    public static final String TYPES_EXTENSION = "x-problem-types";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemResponses() {
    }

    public static void add(Operation operation, Collection<ProblemType> problems) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        problems.stream().sorted(Comparator.comparingInt((ProblemType p) -> p.status().value())
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(problem -> add(operation.getResponses(), problem));
    }

    private static void add(ApiResponses responses, ProblemType problem) {
        String status = String.valueOf(problem.status().value());
        ApiResponse response = responses.computeIfAbsent(status, code -> new ApiResponse());
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        MediaType media = response.getContent().computeIfAbsent(PROBLEM_JSON,
                type -> new MediaType().schema(ApiComponents.reference(ApiComponents.PROBLEM)));
        if (media.getExamples() != null && media.getExamples().containsKey(problem.slug())) {
            return;
        }
        media.addExamples(problem.slug(), new Example().summary(problem.title()).value(example(problem)));
        List<String> types = types(response);
        types.add(problem.type().toString());
        response.addExtension(TYPES_EXTENSION, types);
        response.setDescription(description(types));
        if (problem.status().value() == 401) {
            response.addHeaderObject(ApiComponents.WWW_AUTHENTICATE, ApiComponents.header(ApiComponents.WWW_AUTHENTICATE));
        }
        if (problem == ProblemType.RATE_LIMITED || problem == ProblemType.SERVICE_UNAVAILABLE
                || problem == ProblemType.STREAMS_EXHAUSTED) {
            response.addHeaderObject(ApiComponents.RETRY_AFTER, ApiComponents.header(ApiComponents.RETRY_AFTER));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(ApiResponse response) {
        Object listed = response.getExtensions() == null ? null : response.getExtensions().get(TYPES_EXTENSION);
        return listed instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
    }

    private static String description(List<String> types) {
        return types.stream()
                .map(type -> ProblemType.fromSlug(type.substring(ProblemType.TYPE_PREFIX.length())).orElseThrow())
                .map(problem -> "- " + problem.title() + " (`" + problem.slug() + "`): " + problem.defaultDetail())
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, Object> example(ProblemType problem) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.type().toString());
        example.put("title", problem.title());
        example.put("status", problem.status().value());
        example.put("detail", problem.defaultDetail());
        return example;
    }
}

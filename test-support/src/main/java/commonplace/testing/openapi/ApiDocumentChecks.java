package commonplace.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of a service's OpenAPI document against the running service: every route its handler mappings serve is in
 * the document, and the document is valid as a real OpenAPI parser reads it.
 */
public final class ApiDocumentChecks {

    /** A table row of the contract: {@code | `GET /api/v1/topics/{topicId}/thread?sort=...` | ...}. */
    private static final Pattern CONTRACT_ROW = Pattern.compile("\\| `(GET|PUT|POST|DELETE|PATCH) (/[^`?\\s]*)");
    private static final Set<String> OPERATION_METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD",
            "OPTIONS");

    private ApiDocumentChecks() {
    }

    /**
     * Each route ({@code METHOD /path}) a handler of the service's MVC mapping serves that the document lacks. The
     * handlers of springdoc itself and those hidden from the document on purpose ({@code @Hidden}: the error page)
     * are not routes of the API.
     */
    public static Set<String> undocumentedRoutes(RequestMappingHandlerMapping mapping, JsonNode document) {
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            if (!isApiRoute(handler.getValue())) {
                continue;
            }
            Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
            for (String pattern : handler.getKey().getPatternValues()) {
                String path = withoutVariablePatterns(pattern);
                JsonNode item = document.path("paths").path(path);
                if (methods.isEmpty() && item.isMissingNode()) {
                    missing.add("ANY " + path);
                }
                for (RequestMethod method : methods) {
                    if (!item.has(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method.name() + " " + path);
                    }
                }
            }
        }
        return missing;
    }

    /**
     * The routes ({@code METHOD /path}) of the table in the section {@code ## <heading>} of the contract in words
     * ({@code docs/api.md}): the first code span of each row, without its query.
     */
    public static Set<String> contractRoutes(Path contract, String heading) {
        Set<String> routes = new TreeSet<>();
        boolean inSection = false;
        try {
            for (String line : Files.readAllLines(contract, StandardCharsets.UTF_8)) {
                if (line.startsWith("## ")) {
                    inSection = line.substring(3).startsWith(heading);
                } else if (inSection) {
                    Matcher row = CONTRACT_ROW.matcher(line);
                    if (row.lookingAt()) {
                        routes.add(row.group(1) + " " + row.group(2));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    /** Each of {@code routes} ({@code METHOD /path}) that the document has no operation for. */
    public static Set<String> missingRoutes(JsonNode document, Set<String> routes) {
        Set<String> missing = new TreeSet<>();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            if (!document.path("paths").path(parts[1]).has(parts[0].toLowerCase(Locale.ROOT))) {
                missing.add(route);
            }
        }
        return missing;
    }

    /**
     * What a real OpenAPI parser (swagger-parser, resolving every reference) has to say about the document: nothing
     * for a valid one.
     */
    public static List<String> parserMessages(String documentJson) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentJson, null, options);
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("the parser read no OpenAPI document");
        }
        return messages;
    }

    /**
     * Each operation whose security the document states wrongly, sent to the running service at {@code baseUrl}
     * without a token (path variables filled with a well-formed id, a JSON body where it takes one): one that asks for
     * a token must answer 401, one that does not must answer anything else.
     */
    public static Set<String> securityMismatches(JsonNode document, String baseUrl) {
        Set<String> wrong = new TreeSet<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            if (!OPERATION_METHODS.contains(method)) {
                return;
            }
            JsonNode operation = entry.getValue();
            boolean secured = operation.path("security").size() > 0;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl
                            + path.getKey().replaceAll("\\{[^}]+}", "probe-1")))
                    .timeout(Duration.ofSeconds(30));
            if (operation.has("requestBody")) {
                request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString("{}"));
            } else {
                request.method(method, BodyPublishers.noBody());
            }
            int status = status(client, request.build());
            if (secured != (status == 401)) {
                wrong.add(method + " " + path.getKey() + (secured ? " asks for a token but answered " + status
                        : " asks for no token but answered 401"));
            }
        }));
        return wrong;
    }

    private static int status(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isApiRoute(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        return !type.getName().startsWith("org.springdoc.")
                && !type.isAnnotationPresent(io.swagger.v3.oas.annotations.Hidden.class)
                && !handler.hasMethodAnnotation(io.swagger.v3.oas.annotations.Hidden.class);
    }

    /** {@code /widget/{file:[a-z]+\.js}} as the document writes it: {@code /widget/{file}}. */
    static String withoutVariablePatterns(String pattern) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        boolean inPattern = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    path.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inPattern = false;
                    path.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inPattern = true;
            }
            if (!inPattern) {
                path.append(c);
            }
        }
        return path.toString();
    }
}

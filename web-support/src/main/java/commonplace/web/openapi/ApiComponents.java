package commonplace.web.openapi;

import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the OpenAPI document both services share, defined once under {@code components} and referred to by
 * name: the bearer-JWT security scheme, the problem document, and the headers and parameters that mean the same on
 * every endpoint that has them.
 */
public final class ApiComponents {

    /** The security scheme of every endpoint that needs a token. */
    public static final String BEARER_JWT = "bearer-jwt";
    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";

    public static final String RETRY_AFTER = "Retry-After";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String LOCATION = "Location";
    public static final String ETAG = "ETag";
    /** The position of a write, for {@code consistentWith} on the query service (in the body where there is one). */
    public static final String POSITION = "X-Commonplace-Position";

    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CONSISTENT_WITH = "consistentWith";

    private ApiComponents() {
    }

    public static Header header(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    public static Parameter parameter(String name) {
        return new Parameter().$ref("#/components/parameters/" + name);
    }

    static Schema<Object> reference(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    /** A schema of one JSON type, written so for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike. */
    public static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    static void addTo(Components components) {
        components.addSecuritySchemes(BEARER_JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("A JWT (HS256 with the shared secret, or RS256/ES256 from the configured JWKS) with `sub` "
                        + "(the author id), `name`, `exp` (required, at most the configured lifetime after `iat`) and "
                        + "`roles` (an array: `moderator`, `admin`). Reads of the query service need none."));
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(FIELD_ERROR, typed("object")
                .addProperty("field", typed("string").description("the field, parameter, path segment or header"))
                .addProperty("message", typed("string").description("what is wrong with it"))
                .required(List.of("field", "message")));
        components.addHeaders(RETRY_AFTER, new Header().schema(typed("integer").minimum(java.math.BigDecimal.ZERO))
                .description("seconds to wait before sending the request again"));
        components.addHeaders(WWW_AUTHENTICATE, new Header().schema(typed("string"))
                .description("`Bearer` without a token, `Bearer error=\"invalid_token\"` with a bad one (RFC 6750)"));
        components.addHeaders(LOCATION, new Header().schema(typed("string").format("uri"))
                .description("where what was created can be read"));
        components.addHeaders(ETAG, new Header().schema(typed("string"))
                .description("the entity tag of this answer; send it back in If-None-Match (reads) or If-Match "
                        + "(edits)"));
        components.addHeaders(POSITION, new Header().schema(typed("string"))
                .description("the position of this write: pass it as `consistentWith` to a read of the query "
                        + "service to read your own write"));
        components.addParameters(IF_NONE_MATCH, new Parameter().in("header").name(IF_NONE_MATCH).required(false)
                .schema(typed("string")).description("an ETag of an earlier answer: 304 with no body while the "
                        + "answer is unchanged"));
        components.addParameters(IDEMPOTENCY_KEY, new Parameter().in("header").name(IDEMPOTENCY_KEY).required(false)
                .schema(typed("string").maxLength(255)).description("makes a retry safe: the same author sending the "
                        + "same request with the same key within 24 h gets the first answer again and records "
                        + "nothing new; the same key with another request is refused (idempotency-key-reused)"));
        components.addParameters(CONSISTENT_WITH, new Parameter().in("query").name(CONSISTENT_WITH).required(false)
                .schema(typed("string")).description("a position a write answered (`position`, or the "
                        + "X-Commonplace-Position header): the read waits until that write is applied (at most the "
                        + "configured timeout, 5 s) and answers X-Commonplace-Stale: true if it was not; a parked "
                        + "topic answers at once with X-Commonplace-Parked: true as well. Where the path names a topic "
                        + "the position must be of that topic"));
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> type = typed("string").format("uri")
                .description("the kind of problem, one of the catalogue (`x-problem-types` of this document)");
        type.setEnum(Arrays.stream(ProblemType.values()).map(problem -> (Object) problem.type().toString()).toList());
        ArraySchema errors = new ArraySchema();
        errors.setTypes(Set.of("array"));
        errors.items(reference(FIELD_ERROR)).description("with validation-failed: each field that breaks a rule");
        Schema<Object> problem = typed("object")
                .description("An RFC 9457 problem document (application/problem+json). The type decides status and "
                        + "title; detail says what happened this time. Some types carry more members: "
                        + "currentRevision (stale-revision), originalCommentId (duplicate-post), maxReplyDepth "
                        + "(reply-too-deep)")
                .addProperty("type", type)
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string").format("uri-reference").description("the path asked for"))
                .addProperty("errors", errors)
                .required(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    /** The whole catalogue, as the document's {@code x-problem-types}: type, status, title and when it is answered. */
    static List<Map<String, Object>> catalogue() {
        return Arrays.stream(ProblemType.values()).map(problem -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", problem.type().toString());
            entry.put("status", problem.status().value());
            entry.put("title", problem.title());
            entry.put("detail", problem.defaultDetail());
            return entry;
        }).toList();
    }
}

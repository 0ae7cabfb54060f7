package commonplace.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of refusal either service answers, once: the problem {@code type} ({@code urn:commonplace:problem:<slug>}),
 * its status and its title (RFC 9457: the title belongs to the type and never varies between occurrences; the
 * {@code detail} says what happened this time). Clients may rely on the type; the same failure has the same entry
 * whichever service answers.
 */
public enum ProblemType {

    // ---- the request cannot be read --------------------------------------------------------------------------------

    /**
     * The request cannot be understood as sent: the request line, a header or the URL is not acceptable HTTP (the
     * servlet container or the security firewall refused it), the body is not the JSON object the endpoint takes, or
     * the body is missing or cut off.
     */
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed Request",
            "the request cannot be read: its request line, a header, the URL or the body is not acceptable"),

    /** The body is not well-formed JSON (unterminated, trailing content, ...). */
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON",
            "the request body is not well-formed JSON"),

    /**
     * Well-formed, but one or more fields, query parameters, path segments or headers break the contract's rules;
     * {@code errors: [{field, message}]} names each of them.
     */
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Validation Failed",
            "the request has invalid fields"),

    // ---- who is asking ---------------------------------------------------------------------------------------------

    /** No bearer token, or one that is malformed, forged, expired or does not name an author; see WWW-Authenticate. */
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized",
            "this request needs a valid Authorization: Bearer <token> header"),

    /** The token is valid but does not allow this (another author's comment, a moderator's or an admin's action). */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden", "this token does not allow that"),

    // ---- what is asked for -----------------------------------------------------------------------------------------

    /** No such path, topic, comment or author. */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not Found", "nothing answers at this address"),

    /** The path exists but not for this method; {@code Allow} lists the methods it takes. */
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
            "this method is not accepted here"),

    /** The answer cannot be given in any representation the request accepts. */
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
            "the answer cannot be given in a representation this request accepts"),

    /** The request took too long to arrive. */
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request Timeout",
            "the request did not arrive in time"),

    // ---- conflicts with what is recorded ---------------------------------------------------------------------------

    /** The topic is locked by a moderator: no new comments, replies, edits or links until it is unlocked. */
    TOPIC_LOCKED("topic-locked", HttpStatus.CONFLICT, "Topic Locked", "the topic is locked"),

    /** The comment was retracted; it cannot be edited or replied to. */
    COMMENT_RETRACTED("comment-retracted", HttpStatus.CONFLICT, "Comment Retracted", "the comment was retracted"),

    /** The comment's author was erased: it stays a placeholder and cannot be edited, replied to or linked to. */
    COMMENT_ERASED("comment-erased", HttpStatus.CONFLICT, "Comment Erased", "the comment was erased with its author"),

    /**
     * The author has events stored before sealing existed: destroying their key would not erase those, so the erasure
     * waits for the one-time re-encryption of old events (docs/privacy.md, "Existing data").
     */
    PLAINTEXT_EVENTS("plaintext-events", HttpStatus.CONFLICT, "Plaintext Events",
            "this author has events stored before sealing; erasure needs the one-time re-encryption first"),

    /**
     * The same author posted the same body in the same topic a moment ago (an accidental double post);
     * {@code originalCommentId} names the comment already recorded.
     */
    DUPLICATE_POST("duplicate-post", HttpStatus.CONFLICT, "Duplicate Post", "this comment was posted a moment ago"),

    /** A topic exists under this id with another title, url or description. */
    TOPIC_EXISTS("topic-exists", HttpStatus.CONFLICT, "Topic Exists",
            "a topic with another title, url or description exists under this id"),

    /** The id is already used by something else. */
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict", "the id is already in use"),

    /** Another change to the same topic was recorded at the same moment; sending the request again is safe. */
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT, "Concurrent Modification",
            "another change to this topic was recorded at the same moment; send the request again"),

    /** A rebuild of the read models is already running; {@code GET /api/v1/admin/projections} shows its progress. */
    REBUILD_IN_PROGRESS("rebuild-in-progress", HttpStatus.CONFLICT, "Rebuild In Progress",
            "a rebuild is already running"),

    // ---- conditional requests --------------------------------------------------------------------------------------

    /** {@code If-Match} names an older revision; {@code currentRevision} and the {@code ETag} give the current one. */
    STALE_REVISION("stale-revision", HttpStatus.PRECONDITION_FAILED, "Stale Revision",
            "the comment has changed since that revision"),

    /** A precondition of the request ({@code If-Match}, {@code If-Unmodified-Since}) does not hold. */
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED, "Precondition Failed",
            "a precondition of this request does not hold"),

    /** An edit came without {@code If-Match: "<revision>"}. */
    PRECONDITION_REQUIRED("precondition-required", HttpStatus.PRECONDITION_REQUIRED, "Precondition Required",
            "this request needs an If-Match header with the current revision"),

    // ---- limits and formats ----------------------------------------------------------------------------------------

    /** The body is over 64 KiB, whether its length was declared or not. */
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large",
            "the request body is too large"),

    /** The URL is longer than the server reads. */
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "URI Too Long", "the request URL is too long"),

    /** The body is not JSON, or not UTF-8 ({@code Content-Type: application/json}, no charset or charset=UTF-8). */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
            "the request body must be JSON in UTF-8 (Content-Type: application/json)"),

    /** The {@code Expect} header asks for something other than {@code 100-continue}. */
    EXPECTATION_FAILED("expectation-failed", HttpStatus.EXPECTATION_FAILED, "Expectation Failed",
            "only Expect: 100-continue is understood"),

    /**
     * An export sent to be imported cannot be read as a whole: not well-formed XML, cut off or empty, not valid text in
     * its encoding, a document type declaration (refused: entity bombs and external entities live there), nested too
     * deep, an attribute too long; {@code line} and {@code column} say where. Nothing was recorded.
     */
    UNREADABLE_EXPORT("unreadable-export", HttpStatus.BAD_REQUEST, "Unreadable Export",
            "the export cannot be read; nothing was imported"),

    /**
     * Well-formed, but not an export of the format the request named ({@code ?format=disqus} with a WordPress file);
     * the detail says which format it looks like. Nothing was recorded.
     */
    WRONG_EXPORT_FORMAT("wrong-export-format", HttpStatus.UNPROCESSABLE_ENTITY, "Wrong Export Format",
            "the file is not an export of the format asked for; nothing was imported"),

    /**
     * A mapping file sent to be stored for imports ({@code PUT /api/v1/admin/import-mappings/{format}}) is not one: a
     * line that is no {@code source,topicId}, a topic id against the rules, too many or too long lines, not UTF-8; the
     * detail names the line. Nothing was stored.
     */
    INVALID_MAPPING("invalid-mapping", HttpStatus.BAD_REQUEST, "Invalid Mapping",
            "the mapping file cannot be read; nothing was stored"),

    /** Well-formed, but the parent named is not a comment of this topic. */
    UNKNOWN_PARENT("unknown-parent", HttpStatus.UNPROCESSABLE_ENTITY, "Unknown Parent",
            "the parent is not a comment of this topic"),

    /** A data key that was destroyed by an erasure; whoever asks must forget what it decrypted with it. */
    KEY_ERASED("key-erased", HttpStatus.GONE, "Key Erased", "this data key was destroyed by an erasure"),

    /** An admin action on a parked topic is already under way; the answer says which and where to follow it. */
    PARKED_TOPIC_BUSY("parked-topic-busy", HttpStatus.CONFLICT, "Parked Topic Busy",
            "an action on this parked topic is under way already"),

    /** A skip named an event the parked topic no longer waits at; nothing was skipped. */
    PARKED_EVENT_MOVED("parked-event-moved", HttpStatus.CONFLICT, "Parked Event Moved",
            "the topic waits at another event now; nothing was skipped"),

    /** A reply deeper than the topic allows; {@code maxReplyDepth} says how deep replies may nest. */
    REPLY_TOO_DEEP("reply-too-deep", HttpStatus.UNPROCESSABLE_ENTITY, "Reply Too Deep",
            "replies cannot nest deeper here; reply to a comment higher up"),

    /** This {@code Idempotency-Key} was already used by the same author for a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency Key Reused",
            "this Idempotency-Key was already used for a different request"),

    /** Too many requests from this author or client; {@code Retry-After} says when to try again. */
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", "too many requests"),

    /** This client has as many live streams open as one client may; close one first. */
    TOO_MANY_STREAMS("too-many-streams", HttpStatus.TOO_MANY_REQUESTS, "Too Many Streams",
            "this client has as many live streams open as it may"),

    /** The request line and headers (a URL or token among them) are larger than the server reads: 8 KiB together. */
    HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "Request Header Fields Too Large", "the request line and headers together must fit in 8 KiB"),

    // ---- the server's side -----------------------------------------------------------------------------------------

    /** A failure on the server's side; it is logged, never described. The request may be retried. */
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
            "something went wrong on our side; the request may be retried"),

    /** The method is one this server supports for no resource (TRACE, CONNECT, anything made up). */
    NOT_IMPLEMENTED("not-implemented", HttpStatus.NOT_IMPLEMENTED, "Not Implemented",
            "this method is not implemented"),

    /**
     * The database is unreachable for the moment (restarting, away); nothing was recorded. {@code Retry-After} says
     * when to try again ({@link #RETRY_AFTER_UNAVAILABLE_SECONDS} seconds).
     */
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
            "the database cannot be reached right now; nothing was recorded, retry shortly"),

    /**
     * The service takes as many writes at once as its admission limit allows and its waiting line is full; nothing was
     * recorded. {@code Retry-After} says when to try again.
     */
    OVERLOADED("overloaded", HttpStatus.SERVICE_UNAVAILABLE, "Overloaded",
            "the service is taking as many writes as it can; nothing was recorded, retry after Retry-After"),

    /** The service has as many live streams open as it allows; {@code Retry-After} says when to try again. */
    STREAMS_EXHAUSTED("streams-exhausted", HttpStatus.SERVICE_UNAVAILABLE, "Live Streams Exhausted",
            "the service has as many live streams open as it allows; try again shortly"),

    /** A data key the configured key-encryption keys cannot unwrap (a key rotated away); retry after the fix. */
    KEY_STORE_UNREADABLE("key-store-unreadable", HttpStatus.SERVICE_UNAVAILABLE, "Key Store Unreadable",
            "a data key cannot be unwrapped with the configured key-encryption keys; retry later"),

    /**
     * The data keys needed to open sealed events cannot be had right now (the key endpoint is down or refuses this
     * service); nothing is shown in their place. {@code Retry-After} says when to try again.
     */
    KEYS_UNAVAILABLE("keys-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Keys Unavailable",
            "the data keys to open these events cannot be had right now; retry shortly"),

    /**
     * As many threads as the service folds at once for instants not asked for before are being folded
     * ({@code asOf}); {@code Retry-After} says when to try again.
     */
    TIME_TRAVEL_BUSY("time-travel-busy", HttpStatus.SERVICE_UNAVAILABLE, "Time Travel Busy",
            "the service is folding as many threads for past instants as it allows; try again shortly"),

    /** Only HTTP/1.0 and HTTP/1.1 are spoken here. */
    HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", HttpStatus.HTTP_VERSION_NOT_SUPPORTED,
            "HTTP Version Not Supported", "only HTTP/1.1 and HTTP/1.0 are spoken here");

    /** Prefix of every problem type: {@code urn:commonplace:problem:<slug>}. */
    public static final String TYPE_PREFIX = "urn:commonplace:problem:";

    /** What {@code Retry-After} says with {@link #SERVICE_UNAVAILABLE}: a database restart takes a few seconds. */
    public static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

    private static final Map<String, ProblemType> BY_SLUG = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::slug, Function.identity()));

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final String defaultDetail;
    private final URI type;

    ProblemType(String slug, HttpStatus status, String title, String defaultDetail) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.defaultDetail = defaultDetail;
        this.type = URI.create(TYPE_PREFIX + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** {@code urn:commonplace:problem:<slug>}. */
    public URI type() {
        return type;
    }

    /** The detail to answer when nothing more precise is known. */
    public String defaultDetail() {
        return defaultDetail;
    }

    /** A problem document of this type; {@code detail} says what happened, in words safe for the client. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type);
        problem.setTitle(title);
        problem.setDetail(detail == null || detail.isBlank() ? defaultDetail : detail);
        return problem;
    }

    public ProblemDetail problem() {
        return problem(defaultDetail);
    }

    public static Optional<ProblemType> fromSlug(String slug) {
        return Optional.ofNullable(BY_SLUG.get(slug));
    }

    /**
     * The general entry for a status the framework or the servlet container answered on its own (an unknown path, a
     * wrong method, a request line Tomcat refused). A status without an entry of its own falls back on the general 400
     * or 500 entry, and is then answered with that entry's status: every answer is a problem of this catalogue.
     */
    public static ProblemType forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 417 -> EXPECTATION_FAILED;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> RATE_LIMITED;
            case 431 -> HEADERS_TOO_LARGE;
            case 501 -> NOT_IMPLEMENTED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 505 -> HTTP_VERSION_NOT_SUPPORTED;
            default -> status.is5xxServerError() ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}

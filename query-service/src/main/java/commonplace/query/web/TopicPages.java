package commonplace.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.WebRequest;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers the pages of one topic's read models (thread, timeline) by the topic's version: the identity of the
 * {@code topic} table (a rebuild's switch replaces it) and the topic's last applied sequence. Every event of a topic
 * raises that sequence in the transaction that applies it, so the version names exactly one state of the topic.
 * <ul>
 *     <li>The strong {@code ETag} hashes this build, the version and the request; a client or CDN sending it back in
 *     {@code If-None-Match} gets 304 with no body. {@code Cache-Control: public, no-cache}: anyone may keep a page,
 *     but must revalidate it before reuse, so read-your-writes never depends on a cache's clock.</li>
 *     <li>Otherwise the page's JSON comes from a bounded in-memory cache of rendered pages keyed by version and
 *     request, or is rendered once (concurrent readers of a missing page wait for that one rendering) and kept. A
 *     changed topic has a new version, so a page of an older state is never answered; those simply age out.</li>
 * </ul>
 * The version is read before the page, so a page is never older than its version (it may already show a little more).
 */
@Component
public class TopicPages {

    private static final CacheControl PUBLIC_REVALIDATED = CacheControl.noCache().cachePublic();

    /** One state of a topic: which {@code topic} table (changes at a rebuild's switch) and its last sequence. */
    private record Version(long table, long lastSequence) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String build;
    private final Cache<String, byte[]> rendered;

    TopicPages(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<BuildProperties> buildProperties,
               MeterRegistry meters, @Value("${commonplace.query.page-cache-size:64MB}") DataSize cacheSize) {
        this.jdbc = jdbc;
        this.json = json;
        BuildProperties properties = buildProperties.getIfAvailable();
        // a new build may render differently: its ETags must not confirm what an older build answered
        this.build = properties == null ? "unversioned" : properties.getVersion() + "@" + properties.getTime();
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(cacheSize.toBytes())
                .weigher((String key, byte[] page) -> key.length() + page.length)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, rendered, "topic-pages");
    }

    /**
     * The page {@code render} makes of topic {@code topicId}, as JSON with its ETag, or 304 when the client already
     * holds it.
     *
     * @param pageKey      what identifies the page besides the topic: every parameter that changes the answer
     * @param unknownTopic the problem to answer when the topic has no event applied
     * @param render       makes the page's answer object; runs only when neither the client nor the cache has it
     */
    public ResponseEntity<byte[]> answer(WebRequest request, String topicId, String pageKey,
                                         Supplier<ApiProblem> unknownTopic, Supplier<Object> render) {
        Version version = version(topicId);
        if (version == null) {
            throw unknownTopic.get();
        }
        String key = topicId + '\n' + version.table() + '\n' + version.lastSequence() + '\n' + pageKey;
        String etag = etag(key);
        if (request.checkNotModified(etag)) {
            // checkNotModified has set the 304 and its ETag already
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(PUBLIC_REVALIDATED).build();
        }
        byte[] page = rendered.get(key, missing -> toJson(render.get()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(etag).cacheControl(PUBLIC_REVALIDATED)
                .body(page);
    }

    /** Forgets every rendered page of the topic (an erasure scrubbed it; its version has moved on as well). */
    public void forget(String topicId) {
        String prefix = topicId + '\n';
        rendered.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** The topic's version, or null when no event of it is applied; doubles as the 404 check. */
    private Version version(String topicId) {
        List<Version> found = jdbc.query("select tableoid::bigint as table_id, last_sequence from topic "
                        + "where topic_id = ?",
                (row, index) -> new Version(row.getLong("table_id"), row.getLong("last_sequence")), topicId);
        return found.isEmpty() ? null : found.get(0);
    }

    private String etag(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((build + '\n' + key).getBytes(StandardCharsets.UTF_8));
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private byte[] toJson(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

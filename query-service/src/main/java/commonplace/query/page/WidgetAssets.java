package commonplace.query.page;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The widget's script modules and styles, read once from {@code commonplace-widget/} on the class path, each kept as
 * is and gzipped, with a strong ETag of its content. Only the files named here are served: a request can never name
 * another class-path resource.
 */
@Component
public class WidgetAssets {

    /** Every file of the widget, by the path it is served under. */
    public static final List<String> PATHS = List.of(
            "/embed.js",
            "/widget/widget.js",
            "/widget/i18n.js",
            "/widget/api.js",
            "/widget/dom.js",
            "/widget/thread-view.js",
            "/widget/composer.js",
            "/widget/writing.js",
            "/widget/live.js",
            "/widget/replay.js",
            "/widget/widget.css",
            "/widget/page.css");

    /** One served file: its bytes as is and gzipped, its media type, and an ETag for each of the two encodings. */
    public record Asset(byte[] plain, byte[] gzipped, MediaType mediaType, String etag, String gzippedEtag) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    WidgetAssets() {
        for (String path : PATHS) {
            byte[] plain = read("commonplace-widget" + path);
            String etag = etag(plain);
            assets.put(path, new Asset(plain, gzip(plain), mediaType(path), '"' + etag + '"',
                    '"' + etag + "-gzip\""));
        }
    }

    public Optional<Asset> find(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    private static MediaType mediaType(String path) {
        // text/javascript is what HTML asks for module scripts (RFC 9239); both are UTF-8
        return path.endsWith(".css") ? new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8)
                : new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the widget asset " + resource + " is missing from the build", e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package commonplace.command.importing.mapping;

import commonplace.events.Identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The site owner's own choice of topic ids, which overrides the derived ones: a UTF-8 text file with one
 * {@code source,topicId} pair per line, where {@code source} is a page address, a source identifier (Disqus
 * {@code <id>}, WordPress {@code wp:post_name}) or a source id ({@code dsq:id}, {@code wp:post_id}). The last comma
 * separates the two (addresses may contain commas, topic ids cannot); blank lines and lines starting with {@code #}
 * are ignored. Addresses match whatever their scheme, {@code www.} or trailing {@code /}.
 * <pre>
 * # source,topicId
 * https://blogg.example.no/2019/03/fjelltur/,fjelltur-2019
 * 247937687,episode-229
 * </pre>
 */
public final class MappingFile {

    public static final int MAX_LINES = 100_000;
    public static final int MAX_LINE_CHARS = 4096;
    public static final MappingFile NONE = new MappingFile(Map.of());

    /** A line that is no mapping; the message names the line. */
    public static final class InvalidMappingException extends RuntimeException {
        InvalidMappingException(int line, String message) {
            super("mapping file line " + line + ": " + message);
        }
    }

    private final Map<String, String> topicIds;
    /** source id → the topic id an earlier import gave that page (the file's choices come first) */
    private final Map<String, String> remembered;

    private MappingFile(Map<String, String> topicIds) {
        this(topicIds, Map.of());
    }

    private MappingFile(Map<String, String> topicIds, Map<String, String> remembered) {
        this.topicIds = topicIds;
        this.remembered = remembered;
    }

    /**
     * This file, and after it the topic ids earlier imports of the same source gave, by the page's source id: a later
     * export keeps them whatever its order.
     */
    public MappingFile remembering(Map<String, String> topicIdsBySourceId) {
        return new MappingFile(topicIds, Map.copyOf(topicIdsBySourceId));
    }

    /** The topic id an earlier import gave the page with this source id. */
    public Optional<String> rememberedTopicId(String sourceId) {
        return Optional.ofNullable(sourceId == null ? null : remembered.get(sourceId));
    }

    /** @throws InvalidMappingException at the first line that is not a mapping, or past the limits */
    public static MappingFile read(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Map<String, String> topicIds = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number > MAX_LINES) {
                    throw new InvalidMappingException(number, "more than " + MAX_LINES + " lines");
                }
                if (line.length() > MAX_LINE_CHARS) {
                    throw new InvalidMappingException(number, "longer than " + MAX_LINE_CHARS + " characters");
                }
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int comma = entry.lastIndexOf(',');
                if (comma <= 0) {
                    throw new InvalidMappingException(number, "expected source,topicId");
                }
                String topicId = entry.substring(comma + 1).strip();
                if (!Identifiers.isTopicId(topicId)) {
                    throw new InvalidMappingException(number, "the topic id must be 1..128 of [A-Za-z0-9._:-]");
                }
                topicIds.put(key(entry.substring(0, comma)), topicId);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidMappingException(0, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MappingFile(Map.copyOf(topicIds));
    }

    /** The topic id chosen for any of these names of one page. */
    public Optional<String> topicIdFor(String... names) {
        for (String name : names) {
            if (name != null) {
                String topicId = topicIds.get(key(name));
                if (topicId != null) {
                    return Optional.of(topicId);
                }
            }
        }
        return Optional.empty();
    }

    /** Every topic id the file assigns: derived ids must not take them. */
    public Set<String> topicIds() {
        Set<String> all = new java.util.HashSet<>(topicIds.values());
        all.addAll(remembered.values());
        return Set.copyOf(all);
    }

    private static String key(String name) {
        String stripped = name.strip();
        return stripped.contains("://") ? "url:" + TopicIds.pageKey(stripped) : "name:" + stripped;
    }
}

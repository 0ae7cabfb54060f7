package commonplace.command.links;

import commonplace.events.links.Links;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links a person wrote in a comment body that are worth a LinkShared: those {@link Links} finds (the rule the
 * query side reads bodies by too) that are valid URLs, once per normalised form.
 */
public final class UrlExtractor {

    private UrlExtractor() {
    }

    /**
     * The first {@code max} distinct valid links in {@code body}, by normalised form, in order of first appearance;
     * the rest are not looked at.
     */
    public static List<SharedUrl> extract(String body, int max) {
        Map<String, SharedUrl> byNormalized = new LinkedHashMap<>();
        for (String link : Links.in(body)) {
            if (byNormalized.size() >= max) {
                break;
            }
            UrlNormalizer.tryNormalize(link).ifPresent(url -> byNormalized.putIfAbsent(url.normalizedUrl(), url));
        }
        return List.copyOf(byNormalized.values());
    }
}

package commonplace.query.thread;

import commonplace.events.links.Links;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a link found in a body is still written in that body after an edit, by the rule the command side found it
 * by ({@link Links}): {@code https://a.example/x} is in "see https://a.example/x." but not in "see
 * https://a.example/x-2".
 */
final class BodyLinks {

    private final Set<String> links;

    private BodyLinks(String body) {
        this.links = new HashSet<>(Links.in(body));
    }

    static BodyLinks in(String body) {
        return new BodyLinks(body);
    }

    /**
     * {@code url} as a LinkShared recorded it. It is read by today's rule before it is looked up, so that a link
     * recorded while the rule took off less (a trailing ellipsis, say) still matches the same text.
     */
    boolean contains(String url) {
        List<String> asReadToday = Links.in(url);
        return !asReadToday.isEmpty() && links.contains(asReadToday.get(0));
    }
}

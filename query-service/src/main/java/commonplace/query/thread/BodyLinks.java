package commonplace.query.thread;

import commonplace.events.links.LinkCandidates;

import java.util.List;

/**
 * Whether a link found in a body is still written in that body after an edit. Links are found the way a reader sees
 * them: sentence punctuation, closing quotes and closing brackets right after an address are not part of it, so
 * {@code https://a.example/x} is in "see https://a.example/x." but not in "see https://a.example/x-2".
 */
final class BodyLinks {

    private static final String MAY_FOLLOW = ".,;:!?'\"”’»)]}";

    private final List<String> candidates;

    private BodyLinks(String body) {
        this.candidates = LinkCandidates.in(body);
    }

    static BodyLinks in(String body) {
        return new BodyLinks(body);
    }

    boolean contains(String url) {
        for (String candidate : candidates) {
            if (candidate.startsWith(url) && onlyTrailingPunctuation(candidate.substring(url.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyTrailingPunctuation(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (MAY_FOLLOW.indexOf(rest.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}

package commonplace.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain-text search for phrases in named texts (answers, dumps, records, logs), as someone looking for a person's
 * words in a copy would run it: each phrase as written, case-insensitively, and as the hex of its UTF-8 bytes (how
 * PostgreSQL writes {@code bytea}). The phrases are ASCII letters and digits, so JSON, XML and URL escaping leave them
 * as they are.
 */
final class PlainTextSearch {

    /** Named texts to search, in the order they were gathered. */
    static final class Corpus {
        private final Map<String, String> texts = new LinkedHashMap<>();

        Corpus add(String where, String text) {
            texts.merge(where, text == null ? "" : text, (a, b) -> a + "\n" + b);
            return this;
        }

        Corpus addAll(Corpus other) {
            other.texts.forEach(this::add);
            return this;
        }

        int size() {
            return texts.size();
        }

        long characters() {
            return texts.values().stream().mapToLong(String::length).sum();
        }

        /** Where each phrase occurs, with a little of the text around it. */
        List<String> occurrences(Collection<String> phrases) {
            List<String> found = new ArrayList<>();
            texts.forEach((where, text) -> {
                String haystack = text.toLowerCase(Locale.ROOT);
                for (String phrase : phrases) {
                    for (String form : List.of(phrase.toLowerCase(Locale.ROOT),
                            HexFormat.of().formatHex(phrase.getBytes(StandardCharsets.UTF_8)))) {
                        int at = haystack.indexOf(form);
                        if (at >= 0) {
                            found.add("'" + phrase + "' in " + where + ": …"
                                    + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + form.length()
                                    + 120)).replace('\n', ' ') + "…");
                        }
                    }
                }
            });
            return found;
        }

        void assertContainsNone(Collection<String> phrases) {
            List<String> found = occurrences(phrases);
            assertThat(found).as("phrases found in %d texts (%d characters)", size(), characters()).isEmpty();
        }

        void assertContainsEach(Collection<String> phrases) {
            for (String phrase : phrases) {
                assertThat(occurrences(List.of(phrase))).as("'%s' somewhere in %d texts", phrase, size()).isNotEmpty();
            }
        }
    }

    private PlainTextSearch() {
    }
}

package commonplace.events.links;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LinkCandidatesTest {

    /** The plain search the scan must agree with (fine for short texts; its repetition recurses per character). */
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\p{L}\\p{N}])https?://"
            + "(?:[^\\s\\p{Z}\\p{Cc}<>\"“”«»‘’\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\]]|](?!\\())+",
            Pattern.CASE_INSENSITIVE);

    @Test
    void findsWhatAPlainSearchFindsInRealBodies() {
        for (String body : List.of(
                "Hør episode 12: https://podkast.example/ep/12 – og «https://nrk.no/kultur»!",
                "HTTPS://EXAMPLE.COM/A and Http://b.example/(x)",
                "no links here, only http and https words and ://",
                "glued:xhttps://a.example/ and æhttps://b.example/ but (https://c.example/)",
                "httphttps://d.example/ httpshttp://e.example/ https:/f.example https://",
                "“https://g.example/quoted” ‘https://h.example/’ <https://i.example/> \"https://j.example\"",
                "\r\nhttps://k.example/l\r\n\r\nhttp://m.example\n",
                "[NRK](https://nrk.no/p3) og [https://nrk.no](https://nrk.no/p3?x=1) og https://n.example/[1]",
                "https://o.example/a\u00A0og https://p.example/b\u2028ny linje",
                "رابط \u200Fhttps://q.example/ar\u200F و \u2067https://r.example/x\u2069",
                "„https://s.example/side“ og ”https://t.example/side”")) {
            assertThat(LinkCandidates.in(body)).as(body).isEqualTo(reference(body));
        }
        assertThat(LinkCandidates.in("see https://a.example/x. and HTTP://b.example"))
                .containsExactly("https://a.example/x.", "HTTP://b.example");
    }

    @Test
    void aBodyWithoutAnAddressFindsNothing() {
        assertThat(LinkCandidates.in(null)).isEmpty();
        assertThat(LinkCandidates.in("")).isEmpty();
        assertThat(LinkCandidates.in("http is a protocol")).isEmpty();
    }

    @Property
    void findsWhatAPlainSearchFindsInRandomTexts(@ForAll("texts") String text) {
        assertThat(LinkCandidates.in(text)).isEqualTo(reference(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return textsAboutAddresses();
    }

    /** Texts made of what matters to where an address begins and ends. */
    static Arbitrary<String> textsAboutAddresses() {
        return Arbitraries.of("https://", "http://", "HTTP://", "hTtPs://", "http", "https:/", "://", "a", "Z", "æ",
                "ø", "1", "٣", "x.example", "/", "-", "_", "#", "?", "=", ".", ",", ";", ":", "!", "…", "'", "›",
                "\"", "“", "”", "«", "»", "‘", "’", "(", ")", "[", "]", "](", "{", "}", "<", ">", " ", "\t", "\n",
                "\u00A0", "\u2028", "\u202E", "\u2066", "\u200F", "\u200B", "🫐")
                .list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    private static List<String> reference(String body) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}

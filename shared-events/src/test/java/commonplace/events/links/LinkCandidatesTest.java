package commonplace.events.links;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LinkCandidatesTest {

    /** The plain search the scan must agree with. */
    private static final Pattern REFERENCE =
            Pattern.compile("(?<![\\p{L}\\p{N}])https?://[^\\s<>\"“”«»‘’]+", Pattern.CASE_INSENSITIVE);

    @Test
    void findsWhatAPlainSearchFindsInRealBodies() {
        for (String body : List.of(
                "Hør episode 12: https://podkast.example/ep/12 – og «https://nrk.no/kultur»!",
                "HTTPS://EXAMPLE.COM/A and Http://b.example/(x)",
                "no links here, only http and https words and ://",
                "glued:xhttps://a.example/ and æhttps://b.example/ but (https://c.example/)",
                "httphttps://d.example/ httpshttp://e.example/ https:/f.example https://",
                "“https://g.example/quoted” ‘https://h.example/’ <https://i.example/> \"https://j.example\"",
                "\r\nhttps://k.example/l\r\n\r\nhttp://m.example\n")) {
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

    private static List<String> reference(String body) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}

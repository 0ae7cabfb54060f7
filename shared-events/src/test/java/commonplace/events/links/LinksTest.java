package commonplace.events.links;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Les mer på https://example.com/les.|https://example.com/les",
            "Se https://example.com/fjell, og så videre|https://example.com/fjell",
            "(se https://example.com/a)|https://example.com/a",
            "(se https://en.wikipedia.org/wiki/Fjell_(band)).|https://en.wikipedia.org/wiki/Fjell_(band)",
            "https://en.wikipedia.org/wiki/Bokmål_(skriftspråk)?|https://en.wikipedia.org/wiki/Bokmål_(skriftspråk)",
            "„https://nrk.no/kultur/blåbær“ sa hun|https://nrk.no/kultur/blåbær",
            "”https://nrk.no/p3” og|https://nrk.no/p3",
            "«https://nrk.no/p3»|https://nrk.no/p3",
            "‹https://nrk.no/p3›|https://nrk.no/p3",
            "'https://nrk.no/p3';|https://nrk.no/p3",
            "[https://nrk.no/p3]|https://nrk.no/p3",
            "{https://nrk.no/p3}.|https://nrk.no/p3",
            "<https://nrk.no/p3>|https://nrk.no/p3",
            "Vent litt... https://nrk.no/p3?a=1&b=2...|https://nrk.no/p3?a=1&b=2",
            "og så https://nrk.no/p3…|https://nrk.no/p3",
            "[Lytt her](https://nrk.no/p3/episode-12)!|https://nrk.no/p3/episode-12",
    })
    void aLinkEndsWhereAReaderSeesItEnd(String body, String link) {
        assertThat(Links.in(body)).containsExactly(link);
    }

    @Test
    void findsEveryLinkOfANorwegianBodyInOrder() {
        String body = "Hør episode 12 på https://podkast.example/ep/12 – «https://nrk.no/kultur/æøå» og "
                + "„https://example.no/side“. Kilden: (https://no.wikipedia.org/wiki/Blåbær_(plante)), og "
                + "[NRK](https://nrk.no/p3) og igjen https://podkast.example/ep/12.";

        assertThat(Links.in(body)).containsExactly("https://podkast.example/ep/12", "https://nrk.no/kultur/æøå",
                "https://example.no/side", "https://no.wikipedia.org/wiki/Blåbær_(plante)", "https://nrk.no/p3",
                "https://podkast.example/ep/12");
    }

    @Test
    void aMarkdownLinkWhoseTextIsAnAddressGivesBoth() {
        assertThat(Links.in("[https://nrk.no](https://nrk.no/p3?x=1) og [x](https://a.example/(b))"))
                .containsExactly("https://nrk.no", "https://nrk.no/p3?x=1", "https://a.example/(b)");
    }

    @Test
    void aLinkEndsAtANoBreakSpaceALineSeparatorAndTheMarksOfRightToLeftText() {
        assertThat(Links.in("https://a.example/x\u00A0og https://b.example/y\u2028z "
                + "رابط \u200Fhttps://c.example/ar\u200F هنا \u2067https://d.example/he\u2069"))
                .containsExactly("https://a.example/x", "https://b.example/y", "https://c.example/ar",
                        "https://d.example/he");
    }

    @Test
    void aLink2048CharactersLongIsFoundWhole() {
        String link = "https://example.com/" + "a".repeat(2048 - 20);
        assertThat(link).hasSize(2048);
        assertThat(Links.in("Her: " + link + ". Neste setning")).containsExactly(link);
    }

    @Test
    void nothingIsALinkWithoutSomethingAfterTheScheme() {
        assertThat(Links.in("https://. http://) https:// (http://)) xhttps://a.example")).isEmpty();
        assertThat(Links.in(null)).isEmpty();
    }

    // --- hostile bodies

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aLinkFollowedBy20000ClosingOrOpeningParenthesesIsReadInOnePass() {
        assertThat(Links.in("https://x.example/a" + ")".repeat(20_000))).containsExactly("https://x.example/a");
        assertThat(Links.in("(https://x.example/(a)" + ")".repeat(20_000))).containsExactly("https://x.example/(a)");
        String opened = "https://x.example/a" + "(".repeat(20_000);
        assertThat(Links.in(opened)).containsExactly(opened);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoThousandSchemeFragmentsAreOneLinkOrNone() {
        String glued = "http://".repeat(2_000);
        assertThat(Links.in(glued)).containsExactly(glued);
        assertThat(Links.in("http:// ".repeat(2_000))).isEmpty();
        assertThat(Links.in("http://a ".repeat(2_000))).hasSize(2_000).containsOnly("http://a");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aBodyOf20000CharactersOfOneLinkIsThatLink() {
        String link = "https://example.com/" + "a/".repeat(9_990);
        assertThat(link).hasSize(20_000);
        assertThat(Links.in(link)).containsExactly(link);
        assertThat(Links.in(link + ")".repeat(20_000 - 1))).containsExactly(link);
    }

    /** A hang guard, not a measurement: each of these would take minutes or overflow the stack if not linear. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aMegabyteOfHostileTextCompletes() {
        int megabyte = 1 << 20;
        assertThat(Links.in("https://x.example/" + ")".repeat(megabyte))).containsExactly("https://x.example/");
        assertThat(Links.in("https://x.example/" + "(".repeat(megabyte))).hasSize(1);
        assertThat(Links.in("https://x.example/" + "a".repeat(megabyte) + ".".repeat(megabyte))).hasSize(1);
        assertThat(Links.in("https://a](".repeat(megabyte / 11))).hasSize(megabyte / 11);
        assertThat(Links.in("(https://a.example/x) ".repeat(megabyte / 22))).hasSize(megabyte / 22);
        assertThat(Links.in("http".repeat(megabyte / 4))).isEmpty();
        assertThat(Links.in("xhttps://a.example ".repeat(megabyte / 19))).isEmpty();
    }

    // --- properties

    /** The linear trimming does exactly what the plain one, recounting the brackets at every step, does. */
    @Property(tries = 2_000)
    void trimmingAgreesWithThePlainReference(@ForAll("linkEnds") String candidate) {
        assertThat(Links.trimTrailing(candidate)).isEqualTo(referenceTrim(candidate));
    }

    /** A link read again is itself: the rule can be applied to a recorded link to compare it with a text. */
    @Property(tries = 2_000)
    void aLinkReadAgainIsItself(@ForAll("texts") String text) {
        for (String link : Links.in(text)) {
            assertThat(Links.in(link)).containsExactly(link);
        }
    }

    @Property(tries = 2_000)
    void everyLinkIsTheStartOfAnAddressInTheText(@ForAll("texts") String text) {
        List<String> candidates = LinkCandidates.in(text);
        List<String> links = Links.in(text);
        assertThat(links.size()).isLessThanOrEqualTo(candidates.size());
        assertThat(links).allSatisfy(link -> assertThat(candidates).anyMatch(c -> c.startsWith(link)));
    }

    @Provide
    Arbitrary<String> texts() {
        return LinkCandidatesTest.textsAboutAddresses();
    }

    @Provide
    Arbitrary<String> linkEnds() {
        return Arbitraries.of("https://a.example/", "x", "æ", "(", ")", "[", "]", "{", "}", ".", ",", ";", ":", "!",
                        "?", "…", "'", "›", "_", "🫐")
                .list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    private static String referenceTrim(String candidate) {
        String url = candidate;
        while (!url.isEmpty()) {
            char last = url.charAt(url.length() - 1);
            if (".,;:!?…'›".indexOf(last) >= 0) {
                url = url.substring(0, url.length() - 1);
            } else if (")]}".indexOf(last) >= 0 && count(url, last) > count(url, "([{".charAt(")]}".indexOf(last)))) {
                url = url.substring(0, url.length() - 1);
            } else {
                break;
            }
        }
        return url;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}

package commonplace.command.links;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlExtractorTest {

    private static final int ANY = Integer.MAX_VALUE;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Se https://example.com/fjell.|https://example.com/fjell",
            "(see https://example.com/a)|https://example.com/a",
            "https://en.wikipedia.org/wiki/Fjell_(band), nice|https://en.wikipedia.org/wiki/Fjell_(band)",
            "«https://nrk.no/p3»|https://nrk.no/p3",
            "“https://nrk.no/p3”!|https://nrk.no/p3",
            "‘https://nrk.no/p3’?|https://nrk.no/p3",
            "'https://nrk.no/p3';|https://nrk.no/p3",
            "\"https://nrk.no/p3\":|https://nrk.no/p3",
            "[https://nrk.no/p3]|https://nrk.no/p3",
            "{https://nrk.no/p3}.|https://nrk.no/p3",
            "<https://nrk.no/p3>|https://nrk.no/p3",
            "https://nrk.no/p3?a=1&b=2...|https://nrk.no/p3?a=1&b=2",
    })
    void trimsWhatEndsTheSentenceButKeepsBalancedBrackets(String body, String expected) {
        assertThat(UrlExtractor.extract(body, ANY)).extracting(SharedUrl::url).containsExactly(expected);
    }

    @Test
    void findsEveryDistinctLinkOnceInOrderByNormalisedForm() {
        String body = "Første: https://Example.com/a#x\nAndre: http://other.no/b og igjen https://example.com/a.\n"
                + "\tTredje https://EXAMPLE.com:443/a?q (dupe of none)";

        assertThat(UrlExtractor.extract(body, ANY)).extracting(SharedUrl::normalizedUrl)
                .containsExactly("https://example.com/a", "http://other.no/b", "https://example.com/a?q");
    }

    @Test
    void ignoresOtherSchemesAndWordsThatMerelyContainHttp() {
        String body = "javascript:alert(1) data:text/html,x ftp://example.com xhttps://example.com https:// http://";

        assertThat(UrlExtractor.extract(body, ANY)).isEmpty();
    }

    @Test
    void keepsTheAddressExactlyAsWrittenBesideTheNormalisedForm() {
        SharedUrl url = UrlExtractor.extract("Look: HTTPS://Example.org:443/Sti#avsnitt!", ANY).get(0);

        assertThat(url.url()).isEqualTo("HTTPS://Example.org:443/Sti#avsnitt");
        assertThat(url.normalizedUrl()).isEqualTo("https://example.org/Sti");
        assertThat(url.domain()).isEqualTo("example.org");
    }

    @Test
    void takesOnlyTheFirstDistinctValidLinksUpToTheLimit() {
        StringBuilder body = new StringBuilder("Kilder: https://example.com/0 https://EXAMPLE.com/0 ")
                .append("https://ex!ample.com/ ");
        for (int i = 1; i <= 30; i++) {
            body.append("https://example.com/").append(i).append(", ");
        }

        assertThat(UrlExtractor.extract(body.toString(), 3)).extracting(SharedUrl::normalizedUrl)
                .containsExactly("https://example.com/0", "https://example.com/1", "https://example.com/2");
        assertThat(UrlExtractor.extract(body.toString(), 20)).hasSize(20);
        assertThat(UrlExtractor.extract(body.toString(), 0)).isEmpty();
    }
}

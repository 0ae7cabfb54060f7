package commonplace.command.links;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlNormalizerTest {

    @ParameterizedTest
    @CsvSource({
            "https://Example.org:443/Sti#avsnitt, https://example.org/Sti, example.org",
            "HTTP://NRK.no/p3#lytt, http://nrk.no/p3, nrk.no",
            "http://example.com:80/a?b=C&d, http://example.com/a?b=C&d, example.com",
            "https://example.com:8443/x, https://example.com:8443/x, example.com",
            "http://example.com:443/x, http://example.com:443/x, example.com",
            "https://example.com, https://example.com/, example.com",
            "https://example.com?q=1, https://example.com/?q=1, example.com",
            "https://blåbær.no/sti/æøå, https://blåbær.no/sti/æøå, blåbær.no",
            "https://[2001:DB8::1]:443/x, https://[2001:db8::1]/x, [2001:db8::1]",
    })
    void normalisesSchemeHostPortAndFragment(String url, String normalized, String domain) {
        SharedUrl shared = UrlNormalizer.normalize(url);

        assertThat(shared.url()).isEqualTo(url);
        assertThat(shared.normalizedUrl()).isEqualTo(normalized);
        assertThat(shared.domain()).isEqualTo(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "ftp://example.com/x",
            "mailto:a@example.com", "file:///etc/passwd", "JavaScript://example.com/%0aalert(1)"})
    void refusesEverySchemeButHttpAndHttps(String url) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(url))
                .isInstanceOf(UrlNormalizer.InvalidUrlException.class)
                .hasMessageContaining("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https:///path", "http:example.com", "example.com/x", "https://exa mple.com",
            "https://example.com/\u0000", "https://example.com:99999/", "https://example.com:8o/", "https://ex!ample.com/"})
    void refusesUrlsWithoutAWellFormedHost(String url) {
        assertThat(UrlNormalizer.tryNormalize(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/\u202Egpj.exe", "https://exa\u2066mple.com/",
            "https://example.com/\u2069", "https://example.com/\uD800", "https://example.com/\uDC00x"})
    void refusesBidirectionalControlsAndHalfSurrogatePairs(String url) {
        assertThat(UrlNormalizer.tryNormalize(url)).isEmpty();
    }

    @Test
    void refusesUrlsLongerThan2048Characters() {
        String base = "https://example.com/";
        String longest = base + "a".repeat(UrlNormalizer.MAX_LENGTH - base.length());

        assertThat(UrlNormalizer.tryNormalize(longest)).isPresent();
        assertThatThrownBy(() -> UrlNormalizer.normalize(longest + "a")).hasMessageContaining("2048");
    }
}

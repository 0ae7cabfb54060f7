package commonplace.web.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEscapeFilterTest {

    @Test
    void escapesOfTwoHexDigitsPassAndAnyOtherPercentDoesNot() {
        assertThat(PercentEscapeFilter.wellEscaped("/api/v1/topics/fjelltur-p%C3%A5-s%C3%B8re")).isTrue();
        assertThat(PercentEscapeFilter.wellEscaped("/api/v1/topics/a%2fb%2F")).isTrue();
        assertThat(PercentEscapeFilter.wellEscaped("/plain")).isTrue();
        assertThat(PercentEscapeFilter.wellEscaped(null)).isTrue();
        for (String broken : new String[] {"/;%", "/%", "/%4", "/%g0", "/%0g", "/%%41", "/a%2", "/;a=%zz",
                "/%41%", "/%C3%A"}) {
            assertThat(PercentEscapeFilter.wellEscaped(broken)).as(broken).isFalse();
        }
    }

    @Test
    void theLongestUrlsAreCheckedInOnePass() {
        assertThat(PercentEscapeFilter.wellEscaped("/" + "%41".repeat(200_000))).isTrue();
        assertThat(PercentEscapeFilter.wellEscaped("/" + "%41".repeat(200_000) + "%")).isFalse();
        assertThat(PercentEscapeFilter.wellEscaped("/" + "%".repeat(200_000))).isFalse();
    }
}

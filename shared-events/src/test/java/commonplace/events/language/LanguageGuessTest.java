package commonplace.events.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageGuessTest {

    @Test
    void norwegian_and_english_comments_are_told_apart() {
        assertThat(LanguageGuess.of("Jeg er enig, dette var en veldig god episode.")).isEqualTo("no");
        assertThat(LanguageGuess.of("Blåbærsyltetøy!")).isEqualTo("no");
        assertThat(LanguageGuess.of("I think this is a great episode, thanks.")).isEqualTo("en");
    }

    @Test
    void text_that_says_nothing_is_undetermined() {
        assertThat(LanguageGuess.of("https://example.com/the/and/is")).isEqualTo("und");
        assertThat(LanguageGuess.of("🎉🎉")).isEqualTo("und");
        assertThat(LanguageGuess.of("   ")).isEqualTo("und");
    }
}

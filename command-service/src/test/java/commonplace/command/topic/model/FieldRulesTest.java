package commonplace.command.topic.model;

import commonplace.command.topic.model.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hei", "æøå 🎉 “sitat”", "line\nbreak", "tab\there", "windows\r\nline", "  padded  "})
    void acceptsAnyScriptLineBreaksAndTabsInABody(String body) {
        assertThatCode(() -> FieldRules.check().body("body", body).orThrow()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0007", "a\rb", "a\r", "\u001b[0m", "\u007f", "\u009b"})
    void refusesOtherControlCharactersInABody(String body) {
        assertThatThrownBy(() -> FieldRules.check().body("body", body).orThrow())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesLineBreaksInATitle() {
        assertThatThrownBy(() -> FieldRules.check().title("title", "two\nlines").orThrow())
                .hasMessage("title must not contain control characters or line breaks");
    }

    @Test
    void refusesLineSeparatorsAndBidirectionalControlsInATitleButNotInABody() {
        assertThatThrownBy(() -> FieldRules.check().title("title", "two\u2028lines").orThrow())
                .hasMessage("title must not contain control characters or line breaks");
        assertThatThrownBy(() -> FieldRules.check().title("title", "evil\u202Elif.exe").orThrow())
                .hasMessage("title must not contain bidirectional embedding, override or isolate controls");
        assertThatCode(() -> FieldRules.check().body("body", "two\u2028lines \u2067שלום\u2069").orThrow())
                .doesNotThrowAnyException();
    }

    @Test
    void refusesHalfASurrogatePairInEveryTextField() {
        assertThatThrownBy(() -> FieldRules.check().body("body", "x\uD800").title("title", "\uDC00")
                .optionalText("note", "\uD83D", FieldRules.NOTE_MAX).url("url", "https://a.example/\uD800", true)
                .orThrow())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.errors()).extracting(FieldError::message).containsOnly(
                                "must be valid Unicode (it holds half of a surrogate pair)"));
    }

    @Test
    void countsCharactersNotUtf16UnitsAndIgnoresSurroundingWhitespace() {
        assertThatCode(() -> FieldRules.check().title("title", " " + "😀".repeat(300) + " ").orThrow())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> FieldRules.check().title("title", "😀".repeat(301)).orThrow())
                .hasMessage("title must be at most 300 characters");
    }

    @Test
    void reportsEveryBrokenFieldAtOnce() {
        assertThatThrownBy(() -> FieldRules.check().title("title", null).url("url", "data:text/html,x", false)
                .optionalText("description", "x".repeat(5001), FieldRules.DESCRIPTION_MAX)
                .language("language", "NO").orThrow())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("title", "url", "description", "language"));
    }
}

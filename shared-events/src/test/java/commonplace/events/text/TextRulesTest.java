package commonplace.events.text;

import commonplace.events.text.TextRules.Kind;
import commonplace.events.text.TextRules.Violation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Blåbærsyltetøy 🫐", "„sitat“ og ”sitat” og «sitat»", "line\nbreak", "tab\there",
            "windows\r\nline", "avsnitt\u2028linje\u2029", "שלום \u202Bעולם\u202C", "مرحبا \u2067عالم\u2069",
            "👩‍👩‍👧 \u200F"})
    void multiLineTextTakesAnyScriptLineBreaksTabsAndRightToLeftControls(String text) {
        assertThat(TextRules.check(text, Kind.MULTI_LINE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "bell\u0007", "a\rb", "ends with a lone\r", "\u001b[31m", "\u007f", "\u0085"})
    void multiLineTextRefusesOtherControlCharacters(String text) {
        assertThat(TextRules.check(text, Kind.MULTI_LINE)).contains(Violation.CONTROL_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Episode 90: «Fjellet» 🎉", "Ada Lovelace", "Bø Ångström", "محمد", "עברית \u200F",
            "https://example.com/a?b=c"})
    void oneLineTextTakesAnyScript(String text) {
        assertThat(TextRules.check(text, Kind.ONE_LINE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "tab\t", "crlf\r\n", "line\u2028separator", "paragraph\u2029separator",
            "nul\u0000", "\u0085"})
    void oneLineTextRefusesLineBreaksAndControlCharacters(String text) {
        assertThat(TextRules.check(text, Kind.ONE_LINE)).contains(Violation.CONTROL_CHARACTER_OR_LINE_BREAK);
    }

    @Test
    void oneLineTextRefusesEveryBidirectionalEmbeddingOverrideAndIsolateControl() {
        for (char control : "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".toCharArray()) {
            assertThat(TextRules.check("admin" + control + "nimda", Kind.ONE_LINE)).as("U+%04X", (int) control)
                    .contains(Violation.BIDI_CONTROL);
            assertThat(TextRules.check("admin" + control + "nimda", Kind.MULTI_LINE)).isEmpty();
        }
        assertThat(TextRules.isBidiControl(0x2029)).isFalse();
        assertThat(TextRules.isBidiControl(0x206A)).isFalse();
        assertThat(TextRules.isBidiControl(0x200F)).as("a right-to-left mark only marks").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00b", "ends with a high half \uD83D", "\uDE00\uD83D", "\uD83D\uD83D\uDE00",
            "😀\uDFFF"})
    void everyKindRefusesHalfASurrogatePair(String text) {
        assertThat(TextRules.check(text, Kind.MULTI_LINE)).contains(Violation.UNPAIRED_SURROGATE);
        assertThat(TextRules.check(text, Kind.ONE_LINE)).contains(Violation.UNPAIRED_SURROGATE);
    }

    @Test
    void reportsTheFirstBrokenRuleReadingFromTheStart() {
        assertThat(TextRules.check("\u202E\uD800", Kind.ONE_LINE)).contains(Violation.BIDI_CONTROL);
        assertThat(TextRules.check("\uD800\u202E", Kind.ONE_LINE)).contains(Violation.UNPAIRED_SURROGATE);
        assertThat(TextRules.check("ok\u0007\uD800", Kind.MULTI_LINE)).contains(Violation.CONTROL_CHARACTER);
    }

    @Test
    void aMegabyteOfSurrogatePairsEndingInHalfOfOneIsFound() {
        String text = "🫐".repeat(500_000) + "\uD83E";
        assertThat(TextRules.check(text, Kind.MULTI_LINE)).contains(Violation.UNPAIRED_SURROGATE);
        assertThat(TextRules.check(text.substring(0, text.length() - 1), Kind.ONE_LINE)).isEmpty();
    }

    /** The oracle: text that holds half a surrogate pair is exactly the text that UTF-8 cannot carry unchanged. */
    @Property
    void halfASurrogatePairIsFoundExactlyWhenTheTextCannotRoundTripThroughUtf8(@ForAll("surrogateSoup") String text) {
        boolean roundTrips = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
        assertThat(TextRules.check(text, Kind.MULTI_LINE).isPresent()).isEqualTo(!roundTrips);
    }

    @Provide
    Arbitrary<String> surrogateSoup() {
        return Arbitraries.of("a", "ø", "😀", "\uD83D", "\uDE00", "\uDBFF", "\uDC00", " ", "\n")
                .list().ofMaxSize(12).map(parts -> String.join("", parts));
    }
}

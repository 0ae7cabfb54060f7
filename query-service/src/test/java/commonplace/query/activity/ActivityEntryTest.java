package commonplace.query.activity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityEntryTest {

    @Test
    void aQuoteIsOneLineOfAtMost140CodePoints() {
        assertThat(ActivityEntry.quote("  Første\n\navsnitt\t–  andre  ")).isEqualTo("Første avsnitt – andre");
        String emoji = "🎉".repeat(150);
        String quoted = ActivityEntry.quote(emoji);
        assertThat(quoted.codePointCount(0, quoted.length())).isEqualTo(141);
        assertThat(quoted).startsWith("🎉".repeat(140)).endsWith("…");
        assertThat(ActivityEntry.quote("x".repeat(140))).isEqualTo("x".repeat(140));
        assertThat(ActivityEntry.quote("x".repeat(141))).isEqualTo("x".repeat(140) + "…");
    }

    @Test
    void aQuoteCollapsesExactlyTheWhitespaceARegexWould() {
        for (String body : java.util.List.of("a\u000B\f\r\n b", "ord\u00A0med\u2003rom", " \t\n ", "🎉 \n🎉",
                "a  " + "b ".repeat(200), "x".repeat(139) + "  🎉🎉")) {
            String oneLine = body.strip().replaceAll("\\s+", " ");
            String expected = oneLine.codePointCount(0, oneLine.length()) <= 140 ? oneLine
                    : oneLine.substring(0, oneLine.offsetByCodePoints(0, 140)) + "…";
            assertThat(ActivityEntry.quote(body)).as(body).isEqualTo(expected);
        }
    }
}

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
    }
}

package commonplace.web.security;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import jakarta.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loops decide exactly as the strict firewall's own expressions, on every code point and on any text. */
class FirewallCharactersTest {

    @Test
    void everyCodePointIsJudgedAsTheFirewallsExpressionsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            judgedAsTheFirewallJudgesIt("a" + Character.toString(codePoint) + "b");
        }
    }

    @Property(tries = 2000)
    void anyTextIsJudgedAsTheFirewallsExpressionsJudgeIt(@ForAll String text) {
        judgedAsTheFirewallJudgesIt(text);
    }

    @Test
    void loneSurrogatesAndTheLongestValuesAreJudgedTheSameWay() {
        for (String text : new String[] {"\uD800", "x\uDC00", "\uDBFF\uDFFF", "\uD83D\uDE00", "æøå “sitat”",
                "\t", "a\tb", "\u0085", "\u007f", "", "x".repeat(1 << 20), "x".repeat(1 << 20) + "\u0000",
                "\u00e6".repeat(1 << 20) + "\u009f"}) {
            judgedAsTheFirewallJudgesIt(text);
        }
    }

    /** Names and parameter names by the library's name rule, values by its value rule. */
    private static void judgedAsTheFirewallJudgesIt(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        assertThat(FirewallCharacters.assignedWithoutControls(text)).as("name %s", shown)
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(text));
        assertThat(FirewallCharacters.assignedWithoutControlsButTab(text)).as("value %s", shown)
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeaderAndLetsTabsAndNorwegianThrough() {
        HttpFirewall firewall = FirewallCharacters.strictFirewall();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/topics/fjelltur");
        request.addHeader("X-Note", "æøå\tok");
        request.addHeader("X-Broken", "next\u0085line");
        HttpServletRequest firewalled = firewall.getFirewalledRequest(request);
        assertThat(firewalled.getHeader("X-Note")).isEqualTo("æøå\tok");
        assertThatThrownBy(() -> firewalled.getHeader("X-Broken")).isInstanceOf(RequestRejectedException.class);
    }
}

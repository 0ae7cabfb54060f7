package commonplace.query.thread;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BodyLinksTest {

    @Test
    void anAddressCountsWhenWrittenAsAReaderSeesIt() {
        BodyLinks body = BodyLinks.in("Se https://example.com/fjell. Og (https://Wiki.example/A_(b)), «https://x.example/q?a=1»");
        assertThat(body.contains("https://example.com/fjell")).isTrue();
        assertThat(body.contains("https://Wiki.example/A_(b)")).isTrue();
        assertThat(body.contains("https://x.example/q?a=1")).isTrue();
    }

    @Test
    void aLongerAddressDoesNotKeepAShorterOneAlive() {
        BodyLinks body = BodyLinks.in("Rettet: https://example.com/fjell-2 og xhttps://other.example/");
        assertThat(body.contains("https://example.com/fjell")).isFalse();
        assertThat(body.contains("https://example.com/fjell-2")).isTrue();
        assertThat(body.contains("https://other.example/")).isFalse();
        assertThat(BodyLinks.in(null).contains("https://example.com/")).isFalse();
    }

    @Test
    void addressesAreFoundWhereverTheyStartInAnyCase() {
        BodyLinks body = BodyLinks.in("hhttps://a.example/1 HTTP://B.example/2 øhttp://c.example/3 http http:/ "
                + "(http://d.example/4)https://e.example/5");
        assertThat(body.contains("https://a.example/1")).isFalse();
        assertThat(body.contains("HTTP://B.example/2")).isTrue();
        assertThat(body.contains("http://c.example/3")).isFalse();
        assertThat(body.contains("http://d.example/4)https://e.example/5")).isTrue();
        assertThat(body.contains("https://e.example/5")).isFalse();
    }

    @Test
    void linksAreReadByTheRuleTheCommandSideFoundThemBy() {
        BodyLinks body = BodyLinks.in("[Lytt](https://nrk.no/p3/12) og [https://nrk.no](https://nrk.no/p3?x=1) "
                + "https://a.example/x\u00A0og „https://b.example/side“ \u200Fhttps://c.example/ar\u200F");
        assertThat(body.contains("https://nrk.no/p3/12")).isTrue();
        assertThat(body.contains("https://nrk.no")).isTrue();
        assertThat(body.contains("https://nrk.no/p3?x=1")).isTrue();
        assertThat(body.contains("https://a.example/x")).isTrue();
        assertThat(body.contains("https://b.example/side")).isTrue();
        assertThat(body.contains("https://c.example/ar")).isTrue();
        assertThat(body.contains("https://nrk.no/p3")).isFalse();
    }

    @Test
    void aLinkRecordedWhileTheRuleTookOffLessStillMatchesTheSameText() {
        assertThat(BodyLinks.in("og så https://nrk.no/p3… neste").contains("https://nrk.no/p3…")).isTrue();
        assertThat(BodyLinks.in("og så https://nrk.no/p3-2… neste").contains("https://nrk.no/p3…")).isFalse();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aHostileBodyIsReadInOnePass() {
        BodyLinks body = BodyLinks.in("https://x.example/a" + ")".repeat(20_000) + " " + "http://".repeat(2_000));
        assertThat(body.contains("https://x.example/a")).isTrue();
        assertThat(body.contains("http://")).isFalse();
    }
}

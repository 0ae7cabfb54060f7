package commonplace.query.thread;

import org.junit.jupiter.api.Test;

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
}

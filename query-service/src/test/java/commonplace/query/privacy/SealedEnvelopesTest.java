package commonplace.query.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SealedEnvelopesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEnvelopeMaySealOnlyWhenItNamesTheEncryptedOrWithheldBlockAsAKey() {
        assertThat(SealedEnvelopes.maySeal(utf8("{\"payload\":{\"encrypted\":{\"keyId\":\"k\"}}}"))).isTrue();
        assertThat(SealedEnvelopes.maySeal(utf8("{\"payload\":{\"withheld\":[\"body\"]}}"))).isTrue();
        assertThat(SealedEnvelopes.maySeal(utf8("{\"body\":\"ærlig talt: encrypted, withheld, \\\"encrypt\"}")))
                .isFalse();
        assertThat(SealedEnvelopes.maySeal(utf8("{\"body\":\"x\"} \"encrypted\""))).isTrue();
        assertThat(SealedEnvelopes.maySeal(utf8("\"encrypte"))).isFalse();
        assertThat(SealedEnvelopes.maySeal(new byte[0])).isFalse();
    }

    @Test
    void indexOfFindsThePartAtTheStartTheEndOrNotAtAll() {
        byte[] part = utf8("\"keyId\":\"");
        assertThat(SealedEnvelopes.indexOf(utf8("\"keyId\":\"a\""), part, 0)).isZero();
        assertThat(SealedEnvelopes.indexOf(utf8("xx\"keyId\":\""), part, 0)).isEqualTo(2);
        assertThat(SealedEnvelopes.indexOf(utf8("\"keyId\":\"a\" \"keyId\":\"b\""), part, 1)).isEqualTo(12);
        assertThat(SealedEnvelopes.indexOf(utf8("xx\"keyId\":"), part, 0)).isEqualTo(-1);
        assertThat(SealedEnvelopes.indexOf(utf8("\"keyId\":\"a\""), part, 50)).isEqualTo(-1);
    }

    @Test
    void aRecordOfNothingButQuotesIsNoSealedEnvelope() {
        byte[] quotes = new byte[4 * 1024 * 1024];
        Arrays.fill(quotes, (byte) '"');
        assertThat(SealedEnvelopes.maySeal(quotes)).isFalse();
        assertThat(SealedEnvelopes.indexOf(quotes, utf8("\"keyId\":\""), 0)).isEqualTo(-1);
    }
}

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
    void theTextOfARecordFindsAnAsciiPartAtItsByteIndexWhateverCameBefore() {
        byte[] record = utf8("{\"body\":\"æøå «» 🎉 \\\"keyId\\\"\",\"keyId\":\"dk_a\"}");
        String text = SealedEnvelopes.asText(record);

        int at = text.indexOf("\"keyId\":\"");
        assertThat(text).hasSize(record.length);
        assertThat(new String(record, at, 9, StandardCharsets.UTF_8)).isEqualTo("\"keyId\":\"");
        assertThat(new String(record, 0, at, StandardCharsets.UTF_8)).endsWith("\",");
    }

    @Test
    void aRecordOfNothingButQuotesIsNoSealedEnvelope() {
        byte[] quotes = new byte[4 * 1024 * 1024];
        Arrays.fill(quotes, (byte) '"');
        assertThat(SealedEnvelopes.maySeal(quotes)).isFalse();
        assertThat(SealedEnvelopes.asText(quotes).indexOf("\"keyId\":\"")).isEqualTo(-1);
    }
}

package commonplace.events.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataKeyTest {

    @Test
    void a_new_key_has_a_random_id_that_says_nothing_about_its_author() {
        DataKey first = DataKey.generate("kari.nordmann");
        DataKey second = DataKey.generate("kari.nordmann");

        assertThat(first.keyId()).matches(DataKey.KEY_ID).doesNotContain("kari").isNotEqualTo(second.keyId());
        assertThat(first.materialBase64()).isNotEqualTo(second.materialBase64());
    }

    @Test
    void a_key_served_as_base64url_reads_back_as_the_same_key() {
        DataKey key = DataKey.generate("kari");

        DataKey read = DataKey.fromBase64(key.keyId(), "kari", key.materialBase64());

        assertThat(read.digest("Enig!")).isEqualTo(key.digest("Enig!"));
    }

    @Test
    void a_digest_is_keyed_so_the_same_text_under_another_key_gives_another_digest() {
        DataKey kari = DataKey.generate("kari");
        DataKey bo = DataKey.generate("bo");

        assertThat(kari.digest("Enig!")).isEqualTo(kari.digest("Enig!")).isNotEqualTo(kari.digest("Enig"))
                .isNotEqualTo(bo.digest("Enig!")).hasSize(43);
    }

    @Test
    void malformed_ids_authors_and_material_are_refused() {
        DataKey key = DataKey.generate("kari");

        assertThatThrownBy(() -> DataKey.of("dk_short", "kari", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataKey.of(key.keyId(), "kari nordmann", new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataKey.of(key.keyId(), "kari", new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataKey.fromBase64(key.keyId(), "kari", "***")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_digest_is_hmac_sha256_under_the_derived_digest_key_as_snapshots_already_hold_it() {
        // computed independently: HMAC-SHA256(HMAC-SHA256(material, "commonplace-digest-v1"), text), base64url
        byte[] material = new byte[DataKey.KEY_BYTES];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        DataKey key = DataKey.of("dk_AAAAAAAAAAAAAAAAAAAAAA", "kari", material);

        assertThat(key.digest("Enig!")).isEqualTo("6caZVzzyyR3beQssnTkYzFaakCh4_P_6-rYgjyHLcig");
        assertThat(key.digest("Blåbærsyltetøy – “sitat”")).isEqualTo("gWtR9NZflK9G8FcAd6B1a4kyTzxiWA1XAGrxZDOZc1k");
        assertThat(key.digest("Enig!")).as("a second digest starts from the key, not from the first one's state")
                .isEqualTo("6caZVzzyyR3beQssnTkYzFaakCh4_P_6-rYgjyHLcig");
    }

    @Test
    void threads_digesting_under_one_key_at_once_get_what_one_thread_gets() throws Exception {
        DataKey key = DataKey.generate("kari");
        List<String> texts = IntStream.range(0, 2_000).mapToObj(i -> "innlegg " + i + " – æøå").toList();
        List<String> alone = texts.stream().map(key::digest).toList();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> rounds = IntStream.range(0, 8)
                    .<Callable<List<String>>>mapToObj(round -> () -> texts.stream().map(key::digest).toList()).toList();
            for (Future<List<String>> round : threads.invokeAll(rounds)) {
                assertThat(round.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

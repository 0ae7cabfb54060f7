package commonplace.events.privacy;

import org.junit.jupiter.api.Test;

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
}

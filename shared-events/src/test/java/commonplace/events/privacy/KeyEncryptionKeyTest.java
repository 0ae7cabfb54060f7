package commonplace.events.privacy;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionKeyTest {

    private static final String CONFIGURED = Base64.getEncoder().encodeToString(new byte[]{
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32});

    private final KeyEncryptionKey kek = KeyEncryptionKey.fromBase64(CONFIGURED);
    private final DataKey key = DataKey.generate("kari");

    @Test
    void a_wrapped_data_key_unwraps_to_the_same_key() {
        byte[] wrapped = kek.wrap(key);

        DataKey unwrapped = kek.unwrap(key.keyId(), "kari", wrapped);

        assertThat(wrapped).hasSize(KeyEncryptionKey.WRAPPED_BYTES);
        assertThat(unwrapped.materialBase64()).isEqualTo(key.materialBase64());
        assertThat(unwrapped.keyId()).isEqualTo(key.keyId());
    }

    @Test
    void a_wrapped_key_is_bound_to_its_key_id_and_author() {
        byte[] wrapped = kek.wrap(key);

        assertThatThrownBy(() -> kek.unwrap(DataKey.generate("kari").keyId(), "kari", wrapped))
                .isInstanceOf(KeyUnwrapException.class);
        assertThatThrownBy(() -> kek.unwrap(key.keyId(), "bo", wrapped)).isInstanceOf(KeyUnwrapException.class);
    }

    @Test
    void another_key_encryption_key_a_changed_or_cut_wrapped_key_does_not_unwrap() {
        byte[] wrapped = kek.wrap(key);
        byte[] changed = wrapped.clone();
        changed[20] ^= 0x40;
        KeyEncryptionKey other = KeyEncryptionKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

        assertThatThrownBy(() -> other.unwrap(key.keyId(), "kari", wrapped)).isInstanceOf(KeyUnwrapException.class);
        assertThatThrownBy(() -> kek.unwrap(key.keyId(), "kari", changed)).isInstanceOf(KeyUnwrapException.class);
        assertThatThrownBy(() -> kek.unwrap(key.keyId(), "kari", new byte[10])).isInstanceOf(KeyUnwrapException.class);
        assertThatThrownBy(() -> kek.unwrap(key.keyId(), "kari", null)).isInstanceOf(KeyUnwrapException.class);
    }

    @Test
    void a_configured_value_is_base64_of_32_bytes_in_either_alphabet_and_a_refusal_never_repeats_it() {
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[]{-5, -1, -2, 0, 1, 2, 3, 4,
                5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28});
        assertThat(KeyEncryptionKey.fromBase64(urlSafe).id())
                .isEqualTo(KeyEncryptionKey.fromBase64(urlSafe.replace('-', '+').replace('_', '/') + "=").id());

        String tooShort = Base64.getEncoder().encodeToString("sixteen bytes!!!".getBytes());
        for (String refused : new String[]{null, "", "   ", tooShort, "not*base64*at*all", CONFIGURED + CONFIGURED}) {
            assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> {
                        if (refused != null && !refused.isBlank()) {
                            assertThat(e.getMessage()).doesNotContain(refused);
                        }
                    });
        }
    }

    @Test
    void its_id_is_stable_differs_between_keys_and_reveals_neither_key_nor_material_in_text() {
        KeyEncryptionKey again = KeyEncryptionKey.fromBase64(CONFIGURED);
        KeyEncryptionKey other = KeyEncryptionKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(again.id()).isEqualTo(kek.id()).startsWith("kek_").hasSize(20);
        assertThat(other.id()).isNotEqualTo(kek.id());
        assertThat(kek.toString()).doesNotContain(CONFIGURED).contains(kek.id());
        assertThat(key.toString()).doesNotContain(key.materialBase64()).contains(key.keyId());
    }
}

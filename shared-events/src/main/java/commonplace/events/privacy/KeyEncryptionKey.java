package commonplace.events.privacy;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key-encryption key: an AES-256 key from the environment that wraps every data key before it is stored, so that
 * the key store alone (a database dump, a backup) opens nothing. A wrapped key is bound to its key id and author: a
 * wrapped key copied onto another row does not unwrap. Its {@link #id()} names it in the key store without revealing
 * it, so that rows wrapped by a previous key-encryption key can be found and re-wrapped after a rotation.
 */
public final class KeyEncryptionKey {

    public static final int KEY_BYTES = 32;

    /**
     * The published development key-encryption key (base64): what the local launcher gives the command service when
     * none is set, so that a laptop stack runs without one. It protects nothing; the command service takes it only
     * from the launcher and on loopback.
     */
    public static final String DEVELOPMENT_KEY = "Y29tbW9ucGxhY2UtZGV2ZWxvcG1lbnQtb25seS1rZWs=";
    /** A wrapped data key: nonce, the 32 key bytes sealed, tag. */
    public static final int WRAPPED_BYTES = FieldCipher.OVERHEAD + DataKey.KEY_BYTES;

    private static final byte[] ID_LABEL = "commonplace-kek-id-v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;
    private final String id;

    private KeyEncryptionKey(byte[] material) {
        this.key = new SecretKeySpec(material, "AES");
        this.id = "kek_" + HexFormat.of().formatHex(hmac(material, ID_LABEL), 0, 8);
    }

    /**
     * Reads a key-encryption key as configured: base64 (standard or URL-safe, padding optional) of exactly 32 random
     * bytes, as {@code openssl rand -base64 32} prints. The message of a refusal never repeats the value.
     *
     * @throws IllegalArgumentException when it is not that
     */
    public static KeyEncryptionKey fromBase64(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("the key-encryption key is not set");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(encoded.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not base64");
        }
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + KEY_BYTES + " bytes (it has "
                    + material.length + "); make one with: openssl rand -base64 32");
        }
        return new KeyEncryptionKey(material);
    }

    /** An id derived from the key by a one-way function: which key-encryption key wrapped a stored data key. */
    public String id() {
        return id;
    }

    public byte[] wrap(DataKey dataKey) {
        return FieldCipher.seal(key, associatedData(dataKey.keyId(), dataKey.authorId()), dataKey.material());
    }

    /**
     * Unwraps a data key stored under {@code keyId} for {@code authorId}.
     *
     * @throws KeyUnwrapException when it was wrapped by another key-encryption key, for another key id or author, or
     *                            was changed
     */
    public DataKey unwrap(String keyId, String authorId, byte[] wrapped) {
        if (wrapped == null || wrapped.length != WRAPPED_BYTES) {
            throw new KeyUnwrapException(keyId);
        }
        try {
            return DataKey.of(keyId, authorId, FieldCipher.open(key, associatedData(keyId, authorId), wrapped));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyUnwrapException(keyId);
        }
    }

    private static byte[] associatedData(String keyId, String authorId) {
        return ("commonplace-data-key-v1\n" + keyId + "\n" + authorId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}

package commonplace.events.privacy;

import commonplace.events.Identifiers;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * One author's AES-256 data key (one generation of it: an erased author who writes again gets a new one). Everything
 * personal the author writes is sealed under it; destroying it erases all of that at once, wherever copies went. The
 * key id is random and says nothing about the author. The key material never appears in {@link #toString()}.
 */
public final class DataKey {

    /** A data key id: {@code dk_} and 128 random bits in base64url. */
    public static final Pattern KEY_ID = Pattern.compile("dk_[A-Za-z0-9_-]{22}");
    public static final int KEY_BYTES = 32;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] DIGEST_LABEL = "commonplace-digest-v1".getBytes(StandardCharsets.UTF_8);

    private final String keyId;
    private final String authorId;
    private final SecretKey secret;
    private volatile SecretKey digestKey;
    private volatile Mac digestPrototype;

    private DataKey(String keyId, String authorId, byte[] material) {
        if (!isKeyId(keyId)) {
            throw new IllegalArgumentException("not a data key id");
        }
        if (!Identifiers.isAuthorId(authorId)) {
            throw new IllegalArgumentException("not an author id");
        }
        if (material == null || material.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key has " + KEY_BYTES + " bytes");
        }
        this.keyId = keyId;
        this.authorId = authorId;
        this.secret = new SecretKeySpec(material, "AES");
    }

    /** A new random key for {@code authorId}, with a new random id. */
    public static DataKey generate(String authorId) {
        return new DataKey(newKeyId(), authorId, FieldCipher.randomBytes(KEY_BYTES));
    }

    public static DataKey of(String keyId, String authorId, byte[] material) {
        return new DataKey(keyId, authorId, material);
    }

    /** A key as the key endpoint serves it: its material in base64url. */
    public static DataKey fromBase64(String keyId, String authorId, String material) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(material);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a data key's material is base64url");
        }
        return new DataKey(keyId, authorId, bytes);
    }

    public static boolean isKeyId(String value) {
        // what KEY_ID matches, without a matcher: every record a reader takes names its key id
        if (value == null || value.length() != 25 || !value.startsWith("dk_")) {
            return false;
        }
        for (int i = 3; i < 25; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static String newKeyId() {
        return "dk_" + BASE64URL.encodeToString(FieldCipher.randomBytes(16));
    }

    public String keyId() {
        return keyId;
    }

    public String authorId() {
        return authorId;
    }

    /** The key material in base64url, for the key endpoint and the key store only. */
    public String materialBase64() {
        return BASE64URL.encodeToString(secret.getEncoded());
    }

    byte[] material() {
        return secret.getEncoded();
    }

    SecretKey secretKey() {
        return secret;
    }

    /**
     * A keyed digest of {@code text} (HMAC-SHA256 under a key derived from this one, base64url): lets state such as a
     * snapshot compare texts without holding them or a plain digest of them, which a short text could be guessed
     * from. Once the data key is destroyed, nobody can tell which text a digest was of.
     */
    public String digest(String text) {
        return BASE64URL.encodeToString(digestMac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A fresh MAC for one digest, cloned from one initialised under the digest key: a clone copies the state left
     * after the key, where a new instance costs a provider lookup and the key's set-up on every digest (a tenth of
     * the write path's group commit in a profile). The prototype is never updated, so threads may clone it at once.
     */
    private Mac digestMac() {
        try {
            Mac prototype = digestPrototype;
            if (prototype == null) {
                prototype = newMac(digestKey());
                digestPrototype = prototype;
            }
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return uncloneableMac();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private Mac uncloneableMac() {
        try {
            return newMac(digestKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static Mac newMac(SecretKey key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
    }

    private SecretKey digestKey() throws GeneralSecurityException {
        SecretKey key = digestKey;
        if (key == null) {
            Mac mac = newMac(new SecretKeySpec(secret.getEncoded(), "HmacSHA256"));
            key = new SecretKeySpec(mac.doFinal(DIGEST_LABEL), "HmacSHA256");
            digestKey = key;
        }
        return key;
    }

    @Override
    public String toString() {
        return "DataKey[" + keyId + ", author " + authorId + "]";
    }
}

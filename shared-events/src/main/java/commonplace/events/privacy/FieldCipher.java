package commonplace.events.privacy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM as every sealed value in commonplace uses it: a fresh random 96-bit nonce per value, a 128-bit tag,
 * and the sealed form {@code nonce ‖ ciphertext ‖ tag}. Cipher objects are kept per thread: getting one costs more
 * than sealing a comment.
 */
final class FieldCipher {

    static final String ALGORITHM = "AES-256-GCM";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES/GCM/NoPadding", e);
        }
    });

    private FieldCipher() {
    }

    static byte[] seal(SecretKey key, byte[] associatedData, byte[] plaintext) {
        byte[] sealed = new byte[NONCE_BYTES + plaintext.length + TAG_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws GeneralSecurityException when it is too short, was sealed under another key or for other associated
     *                                  data, or was changed in any bit
     */
    static byte[] open(SecretKey key, byte[] associatedData, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < OVERHEAD) {
            throw new GeneralSecurityException("sealed value shorter than nonce and tag");
        }
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

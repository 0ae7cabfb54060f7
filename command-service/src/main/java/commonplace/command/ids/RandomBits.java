package commonplace.command.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random identifiers without a process-wide lock. The JDK's default generator on Linux (NativePRNG) reads
 * /dev/urandom under one global lock, and every write makes five or more ids (comment id, command, events and
 * results), so under load request threads queued on that lock. Here each thread has its own DRBG (NIST SP 800-90A,
 * seeded from the system's entropy), which is just as unpredictable and shares nothing.
 */
public final class RandomBits {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(RandomBits::newGenerator);

    private RandomBits() {
    }

    /** {@code count} random bytes. */
    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        GENERATOR.get().nextBytes(bytes);
        return bytes;
    }

    /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes it. */
    public static UUID uuid() {
        byte[] bytes = bytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides DRBG", e);
        }
    }
}

package commonplace.command.topic;

import java.security.SecureRandom;
import java.util.Base64;

/** Server-made comment and share ids: 22 characters of base64url from 128 random bits (matches ENTITY_ID). */
public final class EntityIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EntityIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

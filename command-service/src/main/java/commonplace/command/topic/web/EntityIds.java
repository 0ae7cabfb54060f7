package commonplace.command.topic.web;

import commonplace.command.ids.RandomBits;

import java.util.Base64;

/** Server-made comment and share ids: 22 characters of base64url from 128 random bits (matches ENTITY_ID). */
final class EntityIds {

    private EntityIds() {
    }

    static String newId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(RandomBits.bytes(16));
    }
}

package commonplace.events.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.privacy.PersonalFields.PersonalField;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Brings a sealed payload into its decrypted form: each personal field back in place, or named in {@code withheld}
 * with the reason it cannot be (the writer was erased, or the sealed value does not open). Whatever the payload
 * holds, this never fails: a forged, changed, truncated, oversized or misplaced value becomes a placeholder, so one
 * bad record cannot stop a reader. The only exception that passes is {@link KeysUnavailableException} from the key
 * source, which asks the reader to try again later.
 */
public final class PayloadDecryption {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private PayloadDecryption() {
    }

    /**
     * The decrypted form of {@code payload}: the payload itself when it seals nothing, else a copy without its
     * {@code encrypted} block. Fields the block names that are not personal fields of the type are ignored; a
     * personal field's plaintext beside its sealed value is dropped (only the sealed one is authenticated).
     */
    public static ObjectNode decrypt(EventContext event, ObjectNode payload, DataKeys keys) {
        JsonNode block = payload.get(PayloadEncryption.ENCRYPTED);
        if (block == null) {
            return payload;
        }
        ObjectNode decrypted = payload.deepCopy();
        decrypted.remove(PayloadEncryption.ENCRYPTED);
        ObjectNode withheld = decrypted.get(PayloadEncryption.WITHHELD) instanceof ObjectNode existing
                ? existing : decrypted.objectNode();
        JsonNode fields = block.path(PayloadEncryption.FIELDS);
        for (PersonalField field : PersonalFields.of(event.type())) {
            if (fields.has(field.name())) {
                decrypted.remove(field.name());
            }
        }
        OpenedFields opened = open(event, block, payload.path("authorId").asText(null), keys,
                name -> decrypted.has(name) || withheld.has(name));
        opened.plaintext().forEach(decrypted::put);
        opened.withheld().forEach((name, reason) -> withheld.put(name, reason.wire()));
        if (!withheld.isEmpty()) {
            decrypted.set(PayloadEncryption.WITHHELD, withheld);
        }
        return decrypted;
    }

    /**
     * What the sealed block of a payload of {@code event.type()} opens to: the plaintext of each personal field it
     * seals that opens, and the reason for each that does not; a required personal field that is neither sealed nor
     * {@code presentOtherwise} (in plaintext beside the block, or withheld already) is withheld as unreadable, since
     * the block was forged or cut. Both maps are in the order of {@link PersonalFields#of}.
     *
     * @param authorId the payload's {@code authorId}: a block opens only under that author's key
     * @throws KeysUnavailableException when the key source cannot answer now
     */
    public static OpenedFields open(EventContext event, JsonNode block, String authorId, DataKeys keys,
                                    Predicate<String> presentOtherwise) {
        List<PersonalField> personal = PersonalFields.of(event.type());
        JsonNode fields = block.path(PayloadEncryption.FIELDS);
        Opener opener = opener(event, block, fields, authorId, keys);
        Map<String, String> plaintext = new LinkedHashMap<>();
        Map<String, WithheldReason> withheld = new LinkedHashMap<>();
        for (PersonalField field : personal) {
            JsonNode sealed = fields.get(field.name());
            if (sealed == null) {
                continue;
            }
            String opened = opener.open(field, sealed);
            if (opened != null) {
                plaintext.put(field.name(), opened);
            } else {
                withheld.put(field.name(), opener.failure());
            }
        }
        for (PersonalField field : personal) {
            if (field.required() && !plaintext.containsKey(field.name()) && !withheld.containsKey(field.name())
                    && !presentOtherwise.test(field.name())) {
                withheld.put(field.name(), WithheldReason.UNREADABLE);
            }
        }
        return new OpenedFields(plaintext, withheld);
    }

    /** A sealed block opened: each personal field's plaintext, or why it is withheld. */
    public record OpenedFields(Map<String, String> plaintext, Map<String, WithheldReason> withheld) {
    }

    /** Decides once per payload whether its block can be opened at all, and with which key. */
    private static Opener opener(EventContext event, JsonNode block, JsonNode fields, String authorId,
                                 DataKeys keys) {
        String keyId = block.path(PayloadEncryption.KEY_ID).asText(null);
        if (!block.isObject() || !fields.isObject() || !event.unambiguous()
                || !FieldCipher.ALGORITHM.equals(block.path(PayloadEncryption.ALGORITHM).asText(null))
                || !DataKey.isKeyId(keyId)) {
            return Opener.failing(WithheldReason.UNREADABLE);
        }
        KeyLookup lookup = keys.find(keyId);
        if (lookup instanceof KeyLookup.Erased) {
            return Opener.failing(WithheldReason.ERASED);
        }
        if (!(lookup instanceof KeyLookup.Found found) || !found.key().keyId().equals(keyId)
                || !found.key().authorId().equals(authorId)) {
            return Opener.failing(WithheldReason.UNREADABLE);
        }
        return new Opener(event, found.key(), null);
    }

    private record Opener(EventContext event, DataKey key, WithheldReason failure) {

        static Opener failing(WithheldReason reason) {
            return new Opener(null, null, reason);
        }

        @Override
        public WithheldReason failure() {
            return failure == null ? WithheldReason.UNREADABLE : failure;
        }

        /** The field's plaintext, or null when it does not open. */
        String open(PersonalField field, JsonNode sealed) {
            if (key == null || !sealed.isTextual()
                    || sealed.textValue().length() > base64Length(field.maxSealedBytes())) {
                return null;
            }
            try {
                byte[] bytes = BASE64URL.decode(sealed.textValue());
                if (bytes.length > field.maxSealedBytes()) {
                    return null;
                }
                byte[] plaintext = FieldCipher.open(key.secretKey(), event.associatedData(key.keyId(), field.name()),
                        bytes);
                return new String(plaintext, StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return null;
            }
        }

        private static int base64Length(int bytes) {
            return (bytes * 4 + 2) / 3;
        }
    }
}

package commonplace.events;

import commonplace.events.privacy.PersonalFields;

/** Which current versions are the ones that seal personal fields: every type that has personal fields. */
final class SealedVersions {

    private SealedVersions() {
    }

    static boolean sealable(EventTypes.EventType type) {
        return !PersonalFields.of(type.name()).isEmpty();
    }
}

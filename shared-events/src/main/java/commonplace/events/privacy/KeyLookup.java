package commonplace.events.privacy;

/** What a key source knows about a key id: the key, that it was erased, or nothing. */
public sealed interface KeyLookup {

    record Found(DataKey key) implements KeyLookup {
    }

    /** The key existed and was destroyed: everything sealed under it is erased. */
    record Erased() implements KeyLookup {
    }

    /** No key with this id ever existed here. */
    record Unknown() implements KeyLookup {
    }

    static KeyLookup erased() {
        return new Erased();
    }

    static KeyLookup unknown() {
        return new Unknown();
    }
}

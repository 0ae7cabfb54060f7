package commonplace.command.ids;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message and event identifiers (random UUIDs, as before) from {@link RandomBits}; Axon finds this class
 * through {@code META-INF/services}.
 */
public final class LockFreeIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomBits.uuid().toString();
    }
}

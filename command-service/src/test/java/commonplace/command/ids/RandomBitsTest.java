package commonplace.command.ids;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RandomBitsTest {

    @Test
    void uuidsAreVersionFourAndDistinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID uuid = RandomBits.uuid();
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            seen.add(uuid);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void axonFindsTheFactoryAndMakesUuids() {
        IdentifierFactory factory = IdentifierFactory.getInstance();

        assertThat(factory).isInstanceOf(LockFreeIdentifierFactory.class);
        assertThat(UUID.fromString(factory.generateIdentifier()).version()).isEqualTo(4);
    }
}

package commonplace.events.privacy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DataKey#isKeyId} checks by hand what {@link DataKey#KEY_ID} says: both must agree on any text. */
class KeyIdPropertyTest {

    @Property(tries = 3_000)
    void the_hand_check_agrees_with_the_pattern(@ForAll("nearKeyIds") String value) {
        assertThat(DataKey.isKeyId(value)).isEqualTo(DataKey.KEY_ID.matcher(value).matches());
    }

    @Property(tries = 200)
    void every_generated_id_is_one(@ForAll("authors") String author) {
        assertThat(DataKey.isKeyId(DataKey.generate(author).keyId())).isTrue();
    }

    @Provide
    Arbitrary<String> nearKeyIds() {
        // mostly the right length and prefix, with characters from around the allowed ranges and beyond ASCII
        Arbitrary<String> tail = Arbitraries.strings().withChars("AZaz09_-@[`{/:.+=\u00e6\u00f8\u00e5\u0000\n")
                .withCharRange('0', 'z').ofMinLength(20).ofMaxLength(24);
        return Arbitraries.oneOf(tail.map(t -> "dk_" + t), tail.map(t -> "dK_" + t), tail,
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> authors() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
    }
}

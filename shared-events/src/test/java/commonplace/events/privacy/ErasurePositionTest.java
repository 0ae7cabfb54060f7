package commonplace.events.privacy;

import commonplace.events.ConsistencyPosition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErasurePositionTest {

    @Test
    void an_erasure_position_round_trips_and_is_never_read_as_a_topic_position_nor_the_other_way_round() {
        ErasurePosition position = new ErasurePosition(ErasurePosition.newErasureId(), 12);
        String topicPosition = new ConsistencyPosition("erasure", 12).encode();

        assertThat(ErasurePosition.decode(position.encode())).contains(position);
        assertThat(ConsistencyPosition.decode(position.encode())).isEmpty();
        assertThat(ErasurePosition.decode(topicPosition)).isEmpty();
    }

    @Test
    void forged_truncated_and_oversized_positions_are_not_positions() {
        String id = ErasurePosition.newErasureId();
        List<String> forged = List.of(encode("erasure\n" + id + "\n0"), encode("erasure\n" + id + "\n-3"),
                encode("erasure\n" + id + "\n99999999999"), encode("erasure\nnot-an-id\n2"),
                encode("erasure\n" + id + "\n2\nextra"), encode("erasure\n" + id), "!!not base64!!", "",
                encode("erasure\n" + id + "\n2").repeat(10));
        for (String text : forged) {
            assertThat(ErasurePosition.decode(text)).as(text).isEmpty();
        }
        assertThat(ErasurePosition.decode(null)).isEmpty();
        assertThatThrownBy(() -> new ErasurePosition(id, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}

package commonplace.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyPositionTest {

    @Test
    void a_position_decodes_to_what_was_encoded() {
        ConsistencyPosition position = new ConsistencyPosition("podcast:episode-90", 4711);

        assertThat(ConsistencyPosition.decode(position.encode())).contains(position);
    }

    @Test
    void strings_that_were_never_issued_are_not_positions() {
        assertThat(ConsistencyPosition.decode("")).isEmpty();
        assertThat(ConsistencyPosition.decode("not base64!")).isEmpty();
        assertThat(ConsistencyPosition.decode(new ConsistencyPosition("t", 1).encode() + "x")).isEmpty();
        assertThat(ConsistencyPosition.decode(java.util.Base64.getUrlEncoder().encodeToString("bad id@3".getBytes())))
                .isEmpty();
        assertThat(ConsistencyPosition.decode(java.util.Base64.getUrlEncoder().encodeToString("t@0".getBytes())))
                .isEmpty();
    }
}

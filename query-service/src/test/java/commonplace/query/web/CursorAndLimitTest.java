package commonplace.query.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorAndLimitTest {

    @Test
    void aCursorRoundTripsItsFields() {
        Cursor cursor = Cursor.decode(Cursor.encode("thread", "episode:90", "OLDEST", 42L), "thread", 3);
        assertThat(cursor.text(0)).isEqualTo("episode:90");
        assertThat(cursor.text(1)).isEqualTo("OLDEST");
        assertThat(cursor.number(2)).isEqualTo(42L);
    }

    @Test
    void cursorsOfAnotherListOrShapeAreRefused() {
        String topics = Cursor.encode("topics", 1L, "t");
        assertThatThrownBy(() -> Cursor.decode(topics, "thread", 2)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.decode(topics, "topics", 3)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.decode("***", "topics", 2)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.decode("", "topics", 2)).isInstanceOf(ApiProblem.class);
        String tampered = Base64.getUrlEncoder().encodeToString("v1|topics|soon|t".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Cursor.decode(tampered, "topics", 2).number(0))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(ApiProblem.FieldProblem::field).containsExactly("cursor");
                });
    }

    @Test
    void limitsAreOneToFiveHundredAndFiftyByDefault() {
        assertThat(Limits.parse(null)).isEqualTo(50);
        assertThat(Limits.parse("1")).isEqualTo(1);
        assertThat(Limits.parse("500")).isEqualTo(500);
        for (String bad : new String[]{"0", "501", "-1", "ten", "1.5", ""}) {
            assertThatThrownBy(() -> Limits.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, problem ->
                            assertThat(problem.errors()).extracting(ApiProblem.FieldProblem::field)
                                    .containsExactly("limit"));
        }
    }
}

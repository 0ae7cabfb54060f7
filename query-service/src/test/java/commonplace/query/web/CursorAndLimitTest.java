package commonplace.query.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorAndLimitTest {

    @Test
    void aCursorRoundTripsItsFields() {
        Cursor cursor = Cursor.decode(Cursor.encode("thread", "episode:90", Order.OLDEST, 42L), "thread", 3);
        assertThat(cursor.topicId(0)).isEqualTo("episode:90");
        assertThat(cursor.constant(1, Order.class)).isEqualTo(Order.OLDEST);
        assertThat(cursor.sequence(2)).isEqualTo(42L);
        Instant at = Instant.parse("2026-11-25T04:05:06.123456Z");
        Cursor history = Cursor.decode(Cursor.encode("history", "ada.l", at), "history", 2);
        assertThat(history.authorId(0)).isEqualTo("ada.l");
        assertThat(history.instant(1)).isEqualTo(at);
        assertThat(Cursor.decode(Cursor.encode("topics", Instant.parse("0001-01-01T00:00:00Z"), "t"), "topics", 2)
                .instant(0)).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    private enum Order { OLDEST, NEWEST }

    @Test
    void everyFieldIsCheckedForWhatItHolds() {
        // a sequence is positive, an instant lies in years 1 to 9999, ids match their rules, names are the list's own
        assertRefused("v1|t|0", cursor -> cursor.sequence(0));
        assertRefused("v1|t|-1", cursor -> cursor.sequence(0));
        assertRefused("v1|t|+1", cursor -> cursor.sequence(0));
        assertRefused("v1|t|01", cursor -> cursor.sequence(0));
        assertRefused("v1|t|9223372036854775808", cursor -> cursor.sequence(0));
        assertRefused("v1|t|99999999999999999999999", cursor -> cursor.sequence(0));
        assertRefused("v1|t|1e3", cursor -> cursor.sequence(0));
        assertRefused("v1|t|-62135596800000001", cursor -> cursor.instant(0));
        assertRefused("v1|t|253402300800000000", cursor -> cursor.instant(0));
        assertRefused("v1|t|-9223372036854775808", cursor -> cursor.instant(0));
        assertRefused("v1|t|" + "x".repeat(129), cursor -> cursor.topicId(0));
        assertRefused("v1|t|a:b", cursor -> cursor.authorId(0));
        assertRefused("v1|t|", cursor -> cursor.topicId(0));
        assertRefused("v1|t|oldest", cursor -> cursor.constant(0, Order.class));
        assertThat(Cursor.decode(encoded("v1|t|9223372036854775807"), "t", 1).sequence(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(Cursor.decode(encoded("v1|t|-62135596800000000"), "t", 1).instant(0))
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(Cursor.decode(encoded("v1|t|253402300799999999"), "t", 1).instant(0))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void nothingButPrintableAsciiDecodes() {
        for (String plain : List.of("v1|t|a\u0000b", "v1|t|a\tb", "v1|t|a b", "v1|t|a\u007fb", "v1|t|æ", "v1|t|a\u202eb")) {
            assertThatThrownBy(() -> Cursor.decode(encoded(plain), "t", 1)).as(plain).isInstanceOf(ApiProblem.class);
        }
        byte[] notUtf8 = {'v', '1', '|', 't', '|', (byte) 0xC3, (byte) 0x28};
        assertThatThrownBy(() -> Cursor.decode(Base64.getUrlEncoder().encodeToString(notUtf8), "t", 1))
                .isInstanceOf(ApiProblem.class);
        // base64 of the other alphabet is not what this service issues
        assertThatThrownBy(() -> Cursor.decode(Base64.getEncoder().withoutPadding()
                .encodeToString("v1|t|???".getBytes(StandardCharsets.US_ASCII)), "t", 1)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.decode("A".repeat(1025), "t", 1)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.encode("t", "a|b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursor.encode("t", "a\u0000")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(String plain, java.util.function.Consumer<Cursor> read) {
        assertThatThrownBy(() -> read.accept(Cursor.decode(encoded(plain), "t", 1))).as(plain)
                .isInstanceOfSatisfying(ApiProblem.class, problem ->
                        assertThat(problem.errors()).extracting(ApiProblem.FieldProblem::field).containsExactly("cursor"));
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cursorsOfAnotherListOrShapeAreRefused() {
        String topics = Cursor.encode("topics", 1L, "t");
        assertThatThrownBy(() -> Cursor.decode(topics, "thread", 2)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.decode(topics, "topics", 3)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.decode("***", "topics", 2)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Cursor.decode("", "topics", 2)).isInstanceOf(ApiProblem.class);
        String tampered = Base64.getUrlEncoder().encodeToString("v1|topics|soon|t".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Cursor.decode(tampered, "topics", 2).instant(0))
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

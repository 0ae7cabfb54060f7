package commonplace.web.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {

    @Test
    void everyEntryHasItsOwnKebabCaseSlugAndATitleInTitleCase() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug).distinct())
                .hasSize(ProblemType.values().length);
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.slug()).matches("[a-z]+(-[a-z]+)*");
            assertThat(type.type()).hasToString("urn:commonplace:problem:" + type.slug());
            assertThat(type.title().split(" ")).allSatisfy(word -> assertThat(word).matches("[A-Z][A-Za-z]*"));
            assertThat(type.defaultDetail()).isNotBlank();
            assertThat(ProblemType.fromSlug(type.slug())).contains(type);
        }
        assertThat(ProblemType.fromSlug("no-such-problem")).isEmpty();
    }

    @Test
    void everyErrorStatusMapsToAnEntryAnsweredWithThatEntrysStatus() {
        for (HttpStatus status : HttpStatus.values()) {
            if (status.value() < 400) {
                continue;
            }
            ProblemType type = ProblemType.forStatus(status);
            assertThat(type.status().value()).as(status.toString())
                    .isIn(status.value(), status.is4xxClientError() ? 400 : 500);
        }
        assertThat(ProblemType.forStatus(HttpStatus.NOT_FOUND)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(ProblemType.forStatus(HttpStatus.I_AM_A_TEAPOT)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ProblemType.forStatus(HttpStatus.BAD_GATEWAY)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }

    @Test
    void aProblemCarriesTypeTitleStatusAndADetailThatIsNeverEmpty() {
        ProblemDetail problem = ProblemType.TOPIC_LOCKED.problem("topic 'x' is locked");
        assertThat(problem.getType()).hasToString("urn:commonplace:problem:topic-locked");
        assertThat(problem.getTitle()).isEqualTo("Topic Locked");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("topic 'x' is locked");
        assertThat(ProblemType.TOPIC_LOCKED.problem(" ").getDetail()).isEqualTo("the topic is locked");
    }

    @Test
    void theReadmeListsEveryEntryWithItsStatusAndTitle() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (ProblemType type : ProblemType.values()) {
            assertThat(readme).contains("| `" + type.slug() + "` | " + type.status().value() + " | " + type.title()
                    + " |");
        }
    }
}

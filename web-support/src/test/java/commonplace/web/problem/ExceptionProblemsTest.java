package commonplace.web.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExceptionProblemsTest {

    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static final class RefusedHarder extends Refused {
        RefusedHarder() {
            super("harder");
        }
    }

    @Test
    void theFirstMatchingEntryAnswersWithTheMessageAsDetailAndItsExtras() {
        ExceptionProblems table = ExceptionProblems.builder()
                .map(RefusedHarder.class, ProblemType.TOPIC_LOCKED, (e, answer) -> answer.withHeader("Retry-After", "3")
                        .withProperty("reason", "harder"))
                .map(Refused.class, ProblemType.FORBIDDEN)
                .build();

        ProblemException harder = table.answer(new RefusedHarder()).orElseThrow();
        assertThat(harder.problemType()).isEqualTo(ProblemType.TOPIC_LOCKED);
        assertThat(harder.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(harder.getBody().getProperties()).containsEntry("reason", "harder");
        ProblemException plain = table.answer(new Refused("not yours")).orElseThrow();
        assertThat(plain.getStatusCode().value()).isEqualTo(403);
        assertThat(plain.getBody().getDetail()).isEqualTo("not yours");
        assertThat(table.answer(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void invalidFieldsAreListedAndTheOnlyOneNamedInTheDetail() {
        ProblemException one = ProblemException.invalid("body", "must not be empty");
        assertThat(one.getBody().getDetail()).isEqualTo("body must not be empty");
        assertThat(one.fieldProblems()).containsExactly(new FieldProblem("body", "must not be empty"));
        assertThat(one.getStackTrace()).isEmpty();
    }
}

package commonplace.web.problem;

/** One invalid input of a {@link ProblemType#VALIDATION_FAILED} answer: which field, parameter or header, and why. */
public record FieldProblem(String field, String message) {
}

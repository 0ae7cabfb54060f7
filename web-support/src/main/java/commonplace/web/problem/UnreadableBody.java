package commonplace.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a JSON body could not be read, in the client's terms: a field it may not send or sent with the wrong type
 * ({@code validation-failed} naming the field), something other than a JSON object, or no well-formed JSON at all.
 */
final class UnreadableBody {

    /** Fields a client may think it can set; a body never names the author, the token does. */
    private static final Set<String> IDENTITY_FIELDS = Set.of("authorId", "authorName", "author");

    private UnreadableBody() {
    }

    static ProblemException explain(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.invalid(path(unknown), "is not accepted here"
                    + (IDENTITY_FIELDS.contains(unknown.getPropertyName()) ? ": the author is taken from the token" : ""));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ProblemException.invalid(path(mismatch), "must be " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mismatch.getOriginalMessage().contains("end-of-input")) {
            return new ProblemException(ProblemType.MALFORMED_REQUEST, "the request body must be a JSON object");
        }
        if (cause instanceof JsonProcessingException && !(cause instanceof MismatchedInputException)) {
            return new ProblemException(ProblemType.MALFORMED_JSON, ProblemType.MALFORMED_JSON.defaultDetail());
        }
        return new ProblemException(ProblemType.MALFORMED_REQUEST, "this request needs a JSON body");
    }

    private static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        return path.stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}

package commonplace.web.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A service's own exceptions and the problems they are answered with, as a table: exception type, catalogue entry,
 * and for the few that need it the properties or headers they add. A service declares one as a bean; the shared
 * {@link ProblemAdvice} consults it for every exception Spring MVC does not know. The first entry whose type matches
 * answers, so list subclasses before their superclass.
 */
public final class ExceptionProblems {

    private record Entry<E extends Throwable>(Class<E> type, Function<? super E, ProblemException> answer) {

        Optional<ProblemException> answer(Throwable failure) {
            return type.isInstance(failure) ? Optional.of(answer.apply(type.cast(failure))) : Optional.empty();
        }
    }

    private final List<Entry<?>> entries;

    private ExceptionProblems(List<Entry<?>> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The answer to {@code failure}, when an entry of this table covers it. */
    public Optional<ProblemException> answer(Throwable failure) {
        for (Entry<?> entry : entries) {
            Optional<ProblemException> answer = entry.answer(failure);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    public static final class Builder {

        private final List<Entry<?>> entries = new ArrayList<>();

        private Builder() {
        }

        /** {@code type} is answered as {@code problem}; its message, safe for clients, is the detail. */
        public <E extends Throwable> Builder map(Class<E> type, ProblemType problem) {
            return map(type, failure -> new ProblemException(problem, failure.getMessage()));
        }

        /** As {@link #map(Class, ProblemType)}, and {@code extra} adds the properties or headers of this failure. */
        public <E extends Throwable> Builder map(Class<E> type, ProblemType problem,
                                                 BiConsumer<? super E, ProblemException> extra) {
            return map(type, failure -> {
                ProblemException answer = new ProblemException(problem, failure.getMessage());
                extra.accept(failure, answer);
                return answer;
            });
        }

        /** {@code type} is answered as {@code answer} makes it. */
        public <E extends Throwable> Builder map(Class<E> type, Function<? super E, ProblemException> answer) {
            entries.add(new Entry<>(type, answer));
            return this;
        }

        public ExceptionProblems build() {
            return new ExceptionProblems(entries);
        }
    }
}

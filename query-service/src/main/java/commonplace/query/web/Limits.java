package commonplace.query.web;

import java.util.regex.Pattern;

/** The {@code limit} query parameter of every list: 1..500, 50 when absent. */
public final class Limits {

    public static final int DEFAULT = 50;
    public static final int MAX = 500;

    /** ASCII digits only: {@link Integer#parseInt} would also take a sign and digits of other scripts. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private Limits() {
    }

    public static int parse(String raw) {
        if (raw == null) {
            return DEFAULT;
        }
        String digits = raw.strip();
        if (!DIGITS.matcher(digits).matches()) {
            throw ApiProblem.invalid("limit", "must be a whole number from 1 to " + MAX);
        }
        int limit = Integer.parseInt(digits);
        if (limit < 1 || limit > MAX) {
            throw ApiProblem.invalid("limit", "must be from 1 to " + MAX);
        }
        return limit;
    }
}

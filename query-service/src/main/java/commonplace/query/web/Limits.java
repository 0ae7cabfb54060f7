package commonplace.query.web;

/** The {@code limit} query parameter of every list: 1..500, 50 when absent. */
public final class Limits {

    public static final int DEFAULT = 50;
    public static final int MAX = 500;

    private Limits() {
    }

    public static int parse(String raw) {
        if (raw == null) {
            return DEFAULT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("limit", "must be a whole number from 1 to " + MAX);
        }
        if (limit < 1 || limit > MAX) {
            throw ApiProblem.invalid("limit", "must be from 1 to " + MAX);
        }
        return limit;
    }
}

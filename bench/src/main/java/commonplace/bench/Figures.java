package commonplace.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** One figure measured over several runs: reported as the median and the spread (min..max). */
final class Figures {

    private final String unit;
    private final List<Double> values = new ArrayList<>();

    Figures(String unit) {
        this.unit = unit;
    }

    Figures add(double value) {
        values.add(value);
        return this;
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted().isEmpty() ? Double.NaN : sorted().get(0);
    }

    double max() {
        return sorted().isEmpty() ? Double.NaN : sorted().get(sorted().size() - 1);
    }

    int runs() {
        return values.size();
    }

    /** "1,234 comments/s (1,200..1,250, 3 runs)". */
    String describe() {
        if (values.isEmpty()) {
            return "not measured";
        }
        return format(median()) + " " + unit + " (" + format(min()) + " .. " + format(max()) + ", " + runs()
                + (runs() == 1 ? " run)" : " runs)");
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private List<Double> sorted() {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}

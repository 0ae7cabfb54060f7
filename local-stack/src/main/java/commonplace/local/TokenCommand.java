package commonplace.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code token <authorId> [display name] [--moderator] [--hours N]}: prints only the token on standard output, so
 * that {@code TOKEN=$(./commonplace token ada "Ada Lovelace")} works.
 */
final class TokenCommand {

    static final int DEFAULT_HOURS = 24;
    private static final int MAXIMUM_HOURS = 24 * 366;

    private TokenCommand() {
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            DevelopmentToken token = parse(args);
            out.println(token.sign(JwtSecret.fromEnvironment(environment), Instant.now()));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("commonplace token: " + e.getMessage());
            err.println("usage: ./commonplace token <authorId> [display name] [--moderator] [--hours N]");
            return 2;
        }
    }

    static DevelopmentToken parse(String[] args) {
        List<String> positional = new ArrayList<>();
        boolean moderator = false;
        int hours = DEFAULT_HOURS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--moderator" -> moderator = true;
                case "--hours" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--hours needs a number");
                    }
                    hours = hours(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            throw new IllegalArgumentException("give an author id and, optionally, a display name (quoted)");
        }
        String authorId = positional.get(0);
        String name = positional.size() == 2 ? positional.get(1) : authorId;
        return new DevelopmentToken(authorId, name, moderator, Duration.ofHours(hours));
    }

    private static int hours(String value) {
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAXIMUM_HOURS) {
            throw new IllegalArgumentException("--hours must be a whole number from 1 to " + MAXIMUM_HOURS);
        }
        return Integer.parseInt(value);
    }
}

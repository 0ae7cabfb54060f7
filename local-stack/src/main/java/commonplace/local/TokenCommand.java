package commonplace.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code token <authorId> [display name] [--moderator] [--admin] [--hours N]}: prints only the token on standard
 * output, so that {@code TOKEN=$(./commonplace token ada "Ada Lovelace")} works. A token lives at most as long as the
 * services accept ({@code COMMONPLACE_JWT_MAX_LIFETIME}, 24 hours by default).
 */
final class TokenCommand {

    static final int DEFAULT_HOURS = 24;
    static final String USAGE = "usage: ./commonplace token <authorId> [display name] [--moderator] [--admin] [--hours N]";

    private TokenCommand() {
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            DevelopmentToken token = parse(args, maximumLifetime(environment));
            out.println(token.sign(JwtSecret.fromEnvironment(environment), Instant.now()));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("commonplace token: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    static DevelopmentToken parse(String[] args) {
        return parse(args, Duration.ofHours(DEFAULT_HOURS));
    }

    static DevelopmentToken parse(String[] args, Duration maximumLifetime) {
        List<String> positional = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        Duration validity = Duration.ofHours(DEFAULT_HOURS);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--moderator" -> roles.add("moderator");
                case "--admin" -> roles.add("admin");
                case "--hours" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--hours needs a number");
                    }
                    validity = Duration.ofHours(hours(args[++i], maximumLifetime));
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
        if (validity.compareTo(maximumLifetime) > 0) {
            validity = maximumLifetime;
        }
        String authorId = positional.get(0);
        String name = positional.size() == 2 ? positional.get(1) : authorId;
        return new DevelopmentToken(authorId, name, roles.stream().distinct().toList(), validity);
    }

    /** What the services accept: {@code COMMONPLACE_JWT_MAX_LIFETIME} as they read it ({@code 24h}, {@code 90m}, ...). */
    static Duration maximumLifetime(Map<String, String> environment) {
        String configured = environment.get("COMMONPLACE_JWT_MAX_LIFETIME");
        if (configured == null || configured.isBlank()) {
            return Duration.ofHours(DEFAULT_HOURS);
        }
        return Lifetimes.parse(configured.strip());
    }

    private static long hours(String value, Duration maximumLifetime) {
        long most = Math.max(1, maximumLifetime.toHours());
        if (!value.matches("\\d{1,5}") || Long.parseLong(value) < 1 || Long.parseLong(value) > most) {
            throw new IllegalArgumentException("--hours must be a whole number from 1 to " + most
                    + " (the longest the services accept, COMMONPLACE_JWT_MAX_LIFETIME)");
        }
        return Long.parseLong(value);
    }
}

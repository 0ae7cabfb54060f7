package commonplace.local;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The local stack's command line, started by the top-level {@code ./commonplace} script: {@code up} runs the whole
 * system on this machine with nothing but a JDK, {@code token} mints a development JWT, {@code import} imports an export into the running stack.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int status = switch (command) {
            case "up" -> new StackLauncher(StackSettings.from(System.getenv()), System.out, System.err).run();
            case "token" -> TokenCommand.run(rest, System.getenv(), System.out, System.err);
            case "import" -> ImportCommand.run(rest, System.getenv(), System.out, System.err);
            case "help", "-h", "--help" -> {
                printUsage(System.out);
                yield 0;
            }
            default -> {
                System.err.println("commonplace: unknown command '" + command + "'");
                printUsage(System.err);
                yield 2;
            }
        };
        // explicit: the embedded broker and the service watchers keep non-daemon threads alive
        System.exit(status);
    }

    static void printUsage(PrintStream out) {
        out.println("""
                usage: ./commonplace <command>
                  up                                  start PostgreSQL, Kafka and both services; Ctrl-C stops them
                  token <authorId> [display name] [--moderator] [--admin] [--hours N]
                                                      print a development JWT for that author
                  import <disqus|wordpress> FILE [--site KEY]
                                                      import an export into the running stack, print the report
                  help                                this text
                see README.md (Configuration) for the environment variables""");
    }
}

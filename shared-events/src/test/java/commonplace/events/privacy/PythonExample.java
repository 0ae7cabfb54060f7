package commonplace.events.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python consumer example of {@code docs/events.md}, taken from the document itself, and a way to run a script
 * beside it with the machine's {@code python3} and its {@code cryptography} package (Debian: python3-cryptography).
 * Both are required: a missing one fails the test that uses this, it never skips it.
 */
public final class PythonExample {

    private static final String START = "<!-- python-example:start -->";
    private static final String END = "<!-- python-example:end -->";

    private PythonExample() {
    }

    /** The example's code, from between its markers in {@code docs/events.md}. */
    public static String code(Path repository) throws IOException {
        String guide = Files.readString(repository.resolve("docs/events.md"), StandardCharsets.UTF_8);
        int start = guide.indexOf(START);
        int end = guide.indexOf(END);
        if (start < 0 || end < start) {
            throw new AssertionError("docs/events.md has no Python example between " + START + " and " + END);
        }
        String block = guide.substring(start + START.length(), end).strip();
        if (!block.startsWith("```python") || !block.endsWith("```")) {
            throw new AssertionError("the Python example is not one ```python block");
        }
        return block.substring("```python".length(), block.length() - 3);
    }

    /** The repository's root, from a module's directory (where the build runs its tests). */
    public static Path repository() {
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.exists(module.resolve("docs/events.md")) ? module : module.getParent();
    }

    /**
     * Writes the example as module {@code commonplace_decrypt} into {@code directory} and runs {@code script} with
     * that directory as its first argument; returns what it printed.
     */
    public static String run(Path directory, String script, List<String> arguments) throws IOException,
            InterruptedException {
        Files.writeString(directory.resolve("commonplace_decrypt.py"), code(repository()), StandardCharsets.UTF_8);
        Path scriptFile = directory.resolve("check.py");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("python3", scriptFile.toString(), directory.toString()));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed to check the Python example: apt-get install -y python3"
                    + " python3-cryptography", e);
        }
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the Python example did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("the Python example failed (exit " + process.exitValue() + ")"
                    + (err.contains("No module named 'cryptography'")
                    ? "; install the cryptography package: apt-get install -y python3-cryptography" : "") + ":\n" + err);
        }
        return out;
    }
}

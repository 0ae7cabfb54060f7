package commonplace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the report says about the machine it ran on. */
final class Machine {

    private Machine() {
    }

    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + firstMatching(Path.of("/proc/cpuinfo"), "model name") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores available");
        lines.add("memory: " + firstMatching(Path.of("/proc/meminfo"), "MemTotal"));
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        lines.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return lines;
    }

    private static String firstMatching(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

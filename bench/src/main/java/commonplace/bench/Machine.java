package commonplace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the report says about the machine it ran on. */
final class Machine {

    /** /proc/loadavg when the benchmark started: says whether the machine was quiet or shared with other work. */
    private static String loadAtStart = "unknown";

    private Machine() {
    }

    static void recordLoadAtStart() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            loadAtStart = fields[0] + ", " + fields[1] + ", " + fields[2] + " (1, 5 and 15 min)";
        } catch (IOException | RuntimeException e) {
            loadAtStart = "unknown";
        }
    }

    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + firstMatching(Path.of("/proc/cpuinfo"), "model name") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores available");
        lines.add("memory: " + firstMatching(Path.of("/proc/meminfo"), "MemTotal"));
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        lines.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        lines.add("load average when the benchmark started: " + loadAtStart + "; on 2 cores, anything near or above 2 "
                + "means other work shared the machine and its figures are lower bounds");
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

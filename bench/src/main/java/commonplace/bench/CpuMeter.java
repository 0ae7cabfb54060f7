package commonplace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the stack (from {@code /proc}: user + system, including finished children), so that
 * the report can say where a command's CPU goes on a machine whose cores all of them share.
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s on every common configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private record Part(LongSupplier pid, boolean withDescendants) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    /** Counts a process and every process below it (live, or finished and reaped by it) under {@code part}. */
    CpuMeter addTree(String part, LongSupplier pid) {
        parts.put(part, new Part(pid, true));
        return this;
    }

    /** Counts one process on its own (its children are counted as parts of their own). */
    CpuMeter addProcess(String part, LongSupplier pid) {
        parts.put(part, new Part(pid, false));
        return this;
    }

    /** CPU seconds used so far by each part; a part whose process is gone counts 0. */
    Map<String, Double> seconds() {
        Map<String, Double> used = new LinkedHashMap<>();
        parts.forEach((name, part) -> used.put(name, (part.withDescendants()
                ? treeTicks(part.pid().getAsLong())
                : ticks(part.pid().getAsLong(), false)) / TICKS_PER_SECOND));
        return used;
    }

    /** What each part used between two readings. */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        return used;
    }

    /** The process id in the first line of a PostgreSQL data directory's {@code postmaster.pid}. */
    static long postmasterPid(Path dataDirectory) {
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::trim).map(Long::parseLong).orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long treeTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        return ProcessHandle.of(pid).map(root -> ticks(root.pid(), true)
                        + root.descendants().mapToLong(child -> ticks(child.pid(), true)).sum())
                .orElse(0L);
    }

    /**
     * utime + stime (fields 14 and 15 of /proc/[pid]/stat), plus cutime + cstime (16 and 17, the reaped children's)
     * when asked.
     */
    private static long ticks(long pid, boolean withReapedChildren) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state), so field n is fields[n - 3]
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReapedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

package commonplace.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JFR profile of a service JVM over one measured run, started and dumped with {@code jcmd}, and summarised: the share
 * of execution samples whose stack passes through each area (inclusive), and the methods at the top of the stack
 * (self time).
 */
final class Profiles {

    /** Areas by the first frame of the stack that belongs to one; the order decides when a stack has several. */
    private static final Map<String, String[]> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("Kafka client (publishing or consuming)", new String[]{"org.apache.kafka."});
        AREAS.put("JDBC and the pool (PostgreSQL driver, Hikari)", new String[]{"org.postgresql.", "com.zaxxer."});
        AREAS.put("JSON (Jackson)", new String[]{"com.fasterxml.jackson."});
        AREAS.put("token verification (Nimbus JOSE)", new String[]{"com.nimbusds."});
        AREAS.put("Spring Security filters", new String[]{"org.springframework.security."});
        AREAS.put("Axon (command bus, unit of work, event store)", new String[]{"org.axonframework."});
        AREAS.put("the topic's rules (commonplace.command.topic.model)", new String[]{"commonplace.command.topic.model."});
        AREAS.put("Tomcat and Spring MVC", new String[]{"org.apache.catalina.", "org.apache.coyote.",
                "org.apache.tomcat.", "org.springframework.web."});
    }

    /** The summary of one recording. */
    record Summary(long samples, Map<String, Double> inclusiveShare, List<Map.Entry<String, Double>> topSelf) {
    }

    private Profiles() {
    }

    static boolean start(long pid, String name) {
        return jcmd(pid, "JFR.start", "name=" + name, "settings=default");
    }

    /** Dumps and stops the recording; null when there is none. */
    static Path stop(long pid, String name, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name + "-" + pid + ".jfr").toAbsolutePath();
        boolean dumped = jcmd(pid, "JFR.dump", "name=" + name, "filename=" + file);
        jcmd(pid, "JFR.stop", "name=" + name);
        return dumped && Files.exists(file) ? file : null;
    }

    static Summary summarise(Path recording, int top) throws IOException {
        long samples = 0;
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                RecordedFrame topFrame = frames.get(0);
                self.merge(topFrame.getMethod().getType().getName() + "." + topFrame.getMethod().getName(), 1L,
                        Long::sum);
                AREAS.forEach((area, prefixes) -> {
                    for (RecordedFrame frame : frames) {
                        String type = frame.getMethod().getType().getName();
                        for (String prefix : prefixes) {
                            if (type.startsWith(prefix)) {
                                inclusive.merge(area, 1L, Long::sum);
                                return;
                            }
                        }
                    }
                });
            }
        }
        long all = Math.max(1, samples);
        Map<String, Double> shares = new LinkedHashMap<>();
        AREAS.keySet().forEach(area -> shares.put(area, 100.0 * inclusive.getOrDefault(area, 0L) / all));
        List<Map.Entry<String, Double>> topSelf = new ArrayList<>();
        self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> topSelf.add(Map.entry(e.getKey(), 100.0 * e.getValue() / all)));
        return new Summary(samples, shares, topSelf);
    }

    private static boolean jcmd(long pid, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(pid));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

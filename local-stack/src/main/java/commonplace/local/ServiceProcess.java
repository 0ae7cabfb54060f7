package commonplace.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One service jar running as a child process, its output in a log file of its own. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final String name;
    private final Path jar;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, Path jar, int port, Path log, Process process) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * The service JVMs' options unless {@code COMMONPLACE_SERVICE_JAVA_OPTIONS} says otherwise: a 1 GiB heap keeps a
     * replay's batches and a busy topic's snapshots out of constant collection.
     */
    static final String DEFAULT_JAVA_OPTIONS = "-Xmx1g";

    /** Starts {@code java -jar jar} with the parent's environment plus {@code environment}, listening on {@code port}. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDirectory)
            throws IOException {
        Path log = logDirectory.resolve(name + ".log");
        Files.createDirectories(logDirectory);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        String options = environment.getOrDefault("COMMONPLACE_SERVICE_JAVA_OPTIONS",
                System.getenv().getOrDefault("COMMONPLACE_SERVICE_JAVA_OPTIONS", DEFAULT_JAVA_OPTIONS));
        command.addAll(List.of(options.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        return new ServiceProcess(name, jar, port, log, builder.start());
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** The service JVM's process id (the benchmark accounts CPU time per process). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** True when {@code GET /actuator/health} answers 200 with status UP. */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && UP.matcher(answer.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last {@code count} lines of its log (malformed bytes replaced, never fails). */
    public List<String> logTail(int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(no log at " + log + ")");
        }
    }

    /**
     * Stops every process: SIGTERM to all at once (each service shuts down gracefully), then SIGKILL to any still
     * running when {@code grace} is over.
     */
    public static void stopAll(List<ServiceProcess> services, Duration grace) {
        services.forEach(service -> service.process.destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        for (ServiceProcess service : services) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!service.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    System.err.println("commonplace: " + service.name + " did not stop within " + grace.toSeconds()
                            + " s; killing it");
                    service.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.process.destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (" + jar + ", port " + port + ")";
    }
}

package commonplace.bench;

import commonplace.local.infra.FreePorts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link BrokerMain} from the benchmark's own jar in a child JVM and stops it again. */
final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static BrokerProcess start(Path benchJar, Path dataDirectory, Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        int port = FreePorts.find();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx768m", "-XX:+UseParallelGC",
                "-Dloader.main=" + BrokerMain.class.getName(), "-cp", benchJar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", dataDirectory.toString(),
                String.valueOf(port)))
                .redirectError(ProcessBuilder.Redirect.to(logDirectory.resolve("kafka.log").toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ready ")) {
                BrokerProcess broker = new BrokerProcess(process, line.substring("ready ".length()).trim());
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // the broker's own output goes nowhere; reading it keeps the pipe from filling
                        }
                    } catch (IOException ignored) {
                        // the broker is gone
                    }
                }, "broker-output");
                drain.setDaemon(true);
                drain.start();
                return broker;
            }
        }
        throw new IllegalStateException("the Kafka broker did not start; see " + logDirectory.resolve("kafka.log"));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}

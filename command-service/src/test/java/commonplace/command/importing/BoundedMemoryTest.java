package commonplace.command.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200 MB export is read and planned in a JVM with a 512 MB heap: {@link HeapProof} runs in a process of its own
 * with {@code -Xmx512m} on a generated export streamed from memory (nothing written to disk), and must see every
 * topic and comment the generator wrote. Its figures (time, peak heap) are printed to this test's output.
 */
class BoundedMemoryTest {

    private static final long EXPORT_BYTES = 200L * 1024 * 1024;
    private static final Pattern FIGURES = Pattern.compile(
            "generatedTopics=(\\d+) generatedComments=(\\d+) topics=(\\d+) comments=(\\d+)");

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void a200MegabyteExportIsReadInA512MegabyteHeap(SourceFormat format) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), HeapProof.class.getName(), format.key(),
                Long.toString(EXPORT_BYTES))).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        String printed = new String(output, StandardCharsets.UTF_8);
        System.out.println(printed);

        assertThat(ended).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        Matcher figures = FIGURES.matcher(printed);
        assertThat(figures.find()).as(printed).isTrue();
        assertThat(figures.group(3)).isEqualTo(figures.group(1));
        assertThat(figures.group(4)).isEqualTo(figures.group(2));
        assertThat(Long.parseLong(figures.group(2))).isGreaterThan(100_000);
    }
}

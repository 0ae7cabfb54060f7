package commonplace.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {

    @Test
    void countsTheCpuTimeAProcessSpends() {
        CpuMeter meter = new CpuMeter().addProcess("this JVM", () -> ProcessHandle.current().pid())
                .addTree("no such process", () -> -1);
        Map<String, Double> before = meter.seconds();
        long spent = spinUntilCpuTimeGrows(meter, before);

        Map<String, Double> used = CpuMeter.difference(before, meter.seconds());
        assertThat(used.get("this JVM")).as("after %d spins", spent).isGreaterThan(0.0);
        assertThat(used.get("no such process")).isZero();
    }

    @Test
    void readsThePostmasterPidFromTheDataDirectory(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), "4242\n/var/lib/postgres\n1700000000\n5432\n");

        assertThat(CpuMeter.postmasterPid(data)).isEqualTo(4242);
        assertThat(CpuMeter.postmasterPid(data.resolve("missing"))).isEqualTo(-1);
    }

    /**
     * Burns CPU until the meter sees it (clock ticks are 10 ms) or far longer than a tick could take, so the test never
     * depends on timing and still ends when nothing is counted.
     */
    private static long spinUntilCpuTimeGrows(CpuMeter meter, Map<String, Double> before) {
        long spins = 0;
        double sink = 0;
        while (spins < 5_000 && meter.seconds().get("this JVM") <= before.get("this JVM")) {
            for (int i = 0; i < 1_000_000; i++) {
                sink += Math.sqrt(i);
            }
            spins++;
        }
        return spins + (sink > 0 ? 0 : 1);
    }
}

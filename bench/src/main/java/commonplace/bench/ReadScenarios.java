package commonplace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventJson;

import java.time.Duration;
import java.util.List;

/** Read latency under concurrent readers: a 10,000-comment thread (first and a deep page), a history, a timeline. */
final class ReadScenarios {

    private static final int READERS = 16;
    private static final String TOPIC = "bench-big-thread";
    private static final int WRITES_WHILE_READING = 20;

    private final Settings settings;
    private final Api api;
    private final Report report;

    ReadScenarios(Settings settings, Api api, Report report) {
        this.settings = settings;
        this.api = api;
        this.report = report;
    }

    void run() throws Exception {
        WriteWorkload seeding = new WriteWorkload(api, List.of(TOPIC), 16, 4242);
        seeding.openTopics();
        long seedStart = System.nanoTime();
        LoadGenerator.Result seeded = LoadGenerator.run(16, 0, Duration.ZERO, Duration.ofMinutes(10),
                settings.bigThread(), seeding);
        Benchmark.say("seeded %d comments into %s in %.1f s (%d failed)", seeded.succeeded(), TOPIC,
                (System.nanoTime() - seedStart) / 1e9, seeded.failed());
        api.read("/topics/" + TOPIC + "?consistentWith=" + WriteWorkload.encode(seeding.newest().position()));

        String firstPage = "/topics/" + TOPIC + "/thread?sort=oldest&limit=50";
        String deepPage = firstPage + "&cursor=" + WriteWorkload.encode(cursorDeepIn(firstPage));
        String history = "/authors/" + seeding.authorId(0) + "/history?limit=50";
        String timeline = "/topics/" + TOPIC + "/timeline?limit=50&after=" + WriteWorkload.encode(timelineMiddle());
        measure("thread, first page (limit 50)", firstPage, null);
        measure("thread, deep keyset page (limit 50)", deepPage, null);
        measure("author history page (limit 50)", history, null);
        measure("timeline page (limit 50, mid-thread)", timeline, null);
        // pages are cached until their topic changes: this one is written to all along, so most reads render afresh
        measure("thread, first page (limit 50) while " + WRITES_WHILE_READING + " comments/s are posted to it",
                firstPage, seeding);
    }

    private void measure(String name, String path, WriteWorkload concurrentWrites) throws Exception {
        Report.Read figures = report.read(name + " — " + READERS + " readers, fixed rate "
                + (int) settings.readRate() + "/s");
        for (int run = 0; run < settings.runs(); run++) {
            Thread writer = concurrentWrites == null ? null : new Thread(() -> {
                try {
                    LoadGenerator.run(2, WRITES_WHILE_READING, Duration.ZERO,
                            settings.readMeasured().plusSeconds(3), concurrentWrites);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "writer");
            if (writer != null) {
                writer.start();
            }
            LoadGenerator.Result result = LoadGenerator.run(READERS, settings.readRate(), Duration.ofSeconds(2),
                    settings.readMeasured(), (client, index) -> api.readStatus(path));
            if (writer != null) {
                writer.join();
            }
            figures.add(result);
            Benchmark.say("%s: %.0f reads/s, p50 %.2f ms, p99 %.2f ms, failed %d", name, result.throughput(),
                    result.millis(50), result.millis(99), result.failed());
        }
    }

    /** The cursor of a page about nine tenths into the thread's root comments. */
    private String cursorDeepIn(String firstPage) throws Exception {
        String cursor = null;
        String last = null;
        int pages = 0;
        String url = firstPage;
        while (true) {
            JsonNode page = EventJson.mapper().readTree(api.read(url).body());
            JsonNode next = page.get("nextCursor");
            if (next == null || next.isNull()) {
                break;
            }
            pages++;
            last = next.asText();
            if (pages % 10 == 0 || cursor == null) {
                cursor = last;
            }
            url = firstPage + "&cursor=" + WriteWorkload.encode(last);
        }
        Benchmark.say("the thread has %d pages of 50 root comments", pages + 1);
        return cursor == null ? "" : cursor;
    }

    private String timelineMiddle() throws Exception {
        String url = "/topics/" + TOPIC + "/timeline?limit=500";
        JsonNode items = EventJson.mapper().readTree(api.read(url).body()).get("items");
        for (int hops = 0; hops < settings.bigThread() / 1000; hops++) {
            String after = items.get(items.size() - 1).get("position").asText();
            JsonNode next = EventJson.mapper().readTree(api.read(url + "&after=" + WriteWorkload.encode(after)).body())
                    .get("items");
            if (next.isEmpty()) {
                break;
            }
            items = next;
        }
        return items.get(items.size() - 1).get("position").asText();
    }
}

package commonplace.command.importing;

import commonplace.command.importing.mapping.AuthorIds;
import commonplace.command.importing.mapping.ImportPlanner;
import commonplace.command.importing.mapping.MappingFile;
import commonplace.command.importing.mapping.PlanSink;
import commonplace.command.importing.mapping.PlannedComment;
import commonplace.command.importing.mapping.PlannedTopic;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;

/**
 * Reads and plans a generated export of a given size, keeping nothing, and prints what it saw, how long it took and
 * the heap's peak: run by {@link BoundedMemoryTest} in a JVM of its own with a small heap.
 * <pre>java -Xmx512m -cp … commonplace.command.importing.HeapProof disqus 209715200</pre>
 */
public final class HeapProof {

    private HeapProof() {
    }

    public static void main(String[] args) {
        SourceFormat format = SourceFormat.byKey(args[0]).orElseThrow();
        long bytes = Long.parseLong(args[1]);
        GeneratedExport export = new GeneratedExport(format, bytes);
        long[] counts = new long[3];
        PlanSink sink = new PlanSink() {
            @Override
            public void topic(PlannedTopic topic) {
                counts[0]++;
            }

            @Override
            public void comment(PlannedComment comment) {
                counts[1]++;
                if (comment.body() != null) {
                    counts[2] += comment.body().length();
                }
            }

            @Override
            public void unreadable(SourceKind kind, String sourceId, String reason) {
                throw new IllegalStateException("unreadable " + kind + " " + sourceId + ": " + reason);
            }
        };
        byte[] secret = "the heap proof's import secret, 32 bytes".getBytes(StandardCharsets.UTF_8);
        ImportPlanner planner = new ImportPlanner(format, "", new AuthorIds(secret, ""), MappingFile.NONE, sink);
        long start = System.nanoTime();
        format.reader().read(export, planner);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("format=%s bytes=%d generatedTopics=%d generatedComments=%d topics=%d comments=%d "
                        + "bodyChars=%d seconds=%.1f peakHeapMiB=%d maxHeapMiB=%d%n", format.key(), bytes,
                export.threads(), export.posts(), counts[0], counts[1], counts[2], seconds, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}

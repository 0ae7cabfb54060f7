package commonplace.command.importing.run;

import commonplace.command.identity.Author;
import commonplace.command.ids.RandomBits;
import commonplace.command.importing.ImportFormatException;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.AuthorIds;
import commonplace.command.importing.mapping.ImportPlanner;
import commonplace.command.importing.mapping.MappingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.util.Base64;
import java.util.concurrent.ExecutorService;

/**
 * Starts an import: reads the export as it arrives and stages what each item becomes, all in one transaction with
 * the import's own row, so that a file that cannot be read as a whole ({@link ImportFormatException}) leaves nothing
 * behind; then records it on the import thread, one import after another. Imports a stopped service left running
 * resume when it is ready again.
 */
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ImportRuns runs;
    private final ImportedItems items;
    private final ImportMappings mappings;
    private final ImportRecorder recorder;
    private final ExecutorService importThread;
    private final byte[] secret;

    ImportService(JdbcTemplate jdbc, TransactionTemplate transaction, ImportRuns runs, ImportedItems items,
                  ImportMappings mappings, ImportRecorder recorder, ExecutorService importThread, byte[] secret) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.runs = runs;
        this.items = items;
        this.mappings = mappings;
        this.recorder = recorder;
        this.importThread = importThread;
        this.secret = secret.clone();
    }

    /**
     * Stages {@code export} as an import of {@code format} for {@code site} ("" for most) started by {@code importer},
     * and queues its recording.
     *
     * @return the import id
     * @throws ImportFormatException when the export cannot be read as a whole; nothing is kept
     */
    public String start(SourceFormat format, String site, InputStream export, Author importer) {
        String importId = "imp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(RandomBits.bytes(16));
        String source = site.isEmpty() ? format.key() : format.key() + ":" + site;
        transaction.executeWithoutResult(status -> {
            runs.create(importId, format.key(), site, importer.id(), importer.name());
            StagingSink sink = new StagingSink(jdbc, runs, importId);
            // the mapping stored for this format and site, as it is when the import starts
            MappingFile remembered = mappings.mappingFor(format, site).remembering(items.topicIds(source));
            format.reader().read(export, new ImportPlanner(format, site, new AuthorIds(secret, site), remembered,
                    sink));
            runs.addCounts(importId, sink.finish());
        });
        log.info("import {} of a {} export staged; recording", importId, format.key());
        importThread.submit(() -> recorder.record(importId));
        return importId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeRunning() {
        for (String importId : runs.running()) {
            log.info("import {} was running when the service stopped; resuming", importId);
            importThread.submit(() -> recorder.record(importId));
        }
    }
}

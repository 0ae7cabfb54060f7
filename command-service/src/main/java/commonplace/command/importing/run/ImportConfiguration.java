package commonplace.command.importing.run;

import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.AuthorIds;
import commonplace.web.request.RequestSizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports are on when {@code COMMONPLACE_IMPORT_SECRET} is set (at least 32 bytes: it keys guests' ids, see
 * docs/import.md); without it {@code /api/v1/admin/imports} answers 404 and the start says so. The upload has its own
 * body limit, {@code COMMONPLACE_IMPORT_MAX_BYTES}, in place of the general 64 KiB, and a stored mapping file its own,
 * {@code COMMONPLACE_IMPORT_MAPPING_MAX_BYTES}.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    static final String IMPORTS_PATH = "/api/v1/admin/imports";
    static final String MAPPINGS_PATH = "/api/v1/admin/import-mappings";
    private static final Logger log = LoggerFactory.getLogger(ImportConfiguration.class);

    @Bean
    RequestSizeLimitFilter.PathLimit importBodyLimit(@Value("${commonplace.import.max-bytes}") long maxBytes) {
        return new RequestSizeLimitFilter.PathLimit("POST", IMPORTS_PATH, maxBytes);
    }

    /** A stored mapping file may be larger than 64 KiB; one limit per format, since every exemption is a named path. */
    @Bean
    RequestSizeLimitFilter.PathLimit disqusMappingBodyLimit(
            @Value("${commonplace.import.mapping-max-bytes}") long maxBytes) {
        return new RequestSizeLimitFilter.PathLimit("PUT", MAPPINGS_PATH + "/" + SourceFormat.DISQUS.key(), maxBytes);
    }

    @Bean
    RequestSizeLimitFilter.PathLimit wordpressMappingBodyLimit(
            @Value("${commonplace.import.mapping-max-bytes}") long maxBytes) {
        return new RequestSizeLimitFilter.PathLimit("PUT", MAPPINGS_PATH + "/" + SourceFormat.WORDPRESS.key(),
                maxBytes);
    }

    /** One import records at a time, on a thread of its own; a daemon, so that a stop never waits for it. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService importThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "import-recorder");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ImportService importService(JdbcTemplate jdbc, TransactionTemplate transaction, ImportRuns runs,
                                ImportedItems items, ImportMappings mappings, ImportRecorder recorder,
                                ExecutorService importThread,
                                @Value("${commonplace.import.secret}") String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (secret.isEmpty()) {
            log.info("imports are off: COMMONPLACE_IMPORT_SECRET is not set");
            return null;
        }
        if (bytes.length < AuthorIds.MIN_SECRET_BYTES) {
            throw new IllegalStateException("COMMONPLACE_IMPORT_SECRET must be at least " + AuthorIds.MIN_SECRET_BYTES
                    + " bytes");
        }
        return new ImportService(jdbc, transaction, runs, items, mappings, recorder, importThread, bytes);
    }
}

package commonplace.command.importing.run;

import org.axonframework.common.caching.Cache;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.HashSet;
import java.util.Set;

/**
 * One database transaction around many import commands and their bookkeeping, committed every {@code chunk} comments:
 * the commands' units of work join it (so do the event store's append and the comment directory), so an import pays
 * one commit, and one WAL flush, per chunk rather than several per topic. When it rolls back, the topics it touched are
 * dropped from the aggregate cache, which already holds what their commands applied.
 */
final class ChunkedTransaction {

    private final PlatformTransactionManager transactions;
    private final Cache topicCache;
    private final int chunk;
    private final Set<String> touched = new HashSet<>();
    private TransactionStatus current;
    private int pending;

    ChunkedTransaction(PlatformTransactionManager transactions, Cache topicCache, int chunk) {
        this.transactions = transactions;
        this.topicCache = topicCache;
        this.chunk = chunk;
    }

    /** Starts a transaction if none is open. */
    void open() {
        if (current == null) {
            current = transactions.getTransaction(new DefaultTransactionDefinition());
        }
    }

    /** Counts {@code comments} recorded for {@code topicId} in the open transaction; commits when the chunk is full. */
    void recorded(String topicId, int comments) {
        touched.add(topicId);
        pending += comments;
        if (pending >= chunk) {
            commit();
        }
    }

    void commit() {
        if (current != null) {
            TransactionStatus committing = current;
            current = null;
            try {
                transactions.commit(committing);
            } catch (RuntimeException e) {
                forgetTouched();
                throw e;
            }
            touched.clear();
            pending = 0;
        }
    }

    void rollback() {
        if (current != null) {
            TransactionStatus rollingBack = current;
            current = null;
            try {
                transactions.rollback(rollingBack);
            } finally {
                forgetTouched();
            }
        }
    }

    private void forgetTouched() {
        touched.forEach(topicCache::remove);
        touched.clear();
        pending = 0;
    }
}

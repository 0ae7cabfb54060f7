package commonplace.command.importing.run;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashSet;
import java.util.Set;

/**
 * One unit of work and database transaction around many import commands and their bookkeeping, committed every
 * {@code chunk} comments. The commands sent meanwhile are handled on this thread, nested in it (the command bus does
 * so for any command sent inside a unit of work), so an import pays one commit, one WAL flush and one append of events
 * per chunk, and the comment directory and import bookkeeping commit or roll back with the events they describe. The
 * chunk's topics stay locked until its commit: a live command on one of them waits for that, never sees what the chunk
 * has not committed. When it rolls back, the topics it touched are dropped from the aggregate cache, which already
 * holds what their commands applied.
 */
final class ChunkedTransaction {

    private final TransactionManager transactions;
    private final Cache topicCache;
    private final int chunk;
    private final Set<String> touched = new HashSet<>();
    private UnitOfWork<Message<?>> current;
    private int pending;

    ChunkedTransaction(TransactionManager transactions, Cache topicCache, int chunk) {
        this.transactions = transactions;
        this.topicCache = topicCache;
        this.chunk = chunk;
    }

    /** Starts a unit of work and its transaction if none is open. */
    void open() {
        if (current == null) {
            UnitOfWork<Message<?>> started = DefaultUnitOfWork.startAndGet(new GenericMessage<>("import chunk"));
            try {
                started.attachTransaction(transactions);
            } catch (RuntimeException e) {
                started.rollback(e);
                throw e;
            }
            current = started;
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
            UnitOfWork<Message<?>> committing = current;
            current = null;
            try {
                committing.commit();
            } catch (RuntimeException e) {
                if (committing.isActive()) {
                    committing.rollback(e);
                }
                forgetTouched();
                throw e;
            }
            touched.clear();
            pending = 0;
        }
    }

    void rollback() {
        if (current != null) {
            UnitOfWork<Message<?>> rollingBack = current;
            current = null;
            try {
                if (rollingBack.isActive()) {
                    rollingBack.rollback();
                }
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

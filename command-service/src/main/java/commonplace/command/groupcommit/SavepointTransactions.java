package commonplace.command.groupcommit;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A savepoint in the group's transaction for each command: its rollback undoes what the command wrote (an
 * idempotency claim) and nothing of its neighbours'. Axon's Spring transaction manager only ends transactions it
 * began, so it would leave a nested one's savepoint in place on rollback; this one ends the savepoint itself.
 */
final class SavepointTransactions implements TransactionManager {

    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager platform;

    SavepointTransactions(PlatformTransactionManager platform) {
        this.platform = platform;
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus savepoint = platform.getTransaction(NESTED);
        return new Transaction() {
            @Override
            public void commit() {
                if (!savepoint.isCompleted()) {
                    platform.commit(savepoint);
                }
            }

            @Override
            public void rollback() {
                if (!savepoint.isCompleted()) {
                    platform.rollback(savepoint);
                }
            }
        };
    }
}

package commonplace.command.groupcommit;

import commonplace.command.idempotency.IdempotencyKeyReusedException;
import commonplace.command.topic.model.Commands.TopicCommand;
import commonplace.command.topic.model.RuleViolation;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Axon's command bus with group commit: commands are handled by a few workers, each topic always by the same one, and
 * a worker handles what queued up while its last transaction committed in one database transaction (one WAL flush),
 * each command in a nested unit of work of its own with a savepoint. The aggregate, its rules and its handlers stay
 * Axon's; the events of the whole group reach the event store as one append through its storage engine.
 * <ul>
 *     <li>Each command is answered only after the group's commit: a 201 still means durable.</li>
 *     <li>A command refused by a rule rolls back to its savepoint and ends the group there: the commands before it
 *     commit, the ones after it start the next group with the topic as committed. A refusal never fails a neighbour.</li>
 *     <li>When the group's commit fails (a sequence taken by another instance, the database away), every command of it
 *     is handled again on its own, as without grouping, and answered from that.</li>
 *     <li>A worker with one command waiting handles it as Axon's simple bus would: an idle service waits for nothing.</li>
 *     <li>A command sent inside a unit of work (an import's chunk) is handled on the sender's thread, nested in that
 *     unit of work with a savepoint of its own, as Axon's simple bus nests it: its events are appended and committed
 *     with the sender's, and its topic stays locked until then. Handing it to a worker would commit it apart from the
 *     sender's transaction, and deadlock when the sender is that worker.</li>
 * </ul>
 */
final class GroupCommitCommandBus extends SimpleCommandBus {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    /** A command waiting for its worker. */
    private record Pending(CommandMessage<Object> command, MessageHandler<? super CommandMessage<?>> handler,
                           CommandCallback<Object, Object> callback) {
    }

    /** A command decided inside the group, answered once the group has committed. */
    private record Decided(Pending pending, CommandResultMessage<Object> result) {
    }

    private final TransactionManager transactions;
    private final TransactionManager savepoints;
    private final List<MessageHandlerInterceptor<? super CommandMessage<?>>> interceptors =
            new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final int maxGroup;

    GroupCommitCommandBus(Builder builder, TransactionManager transactions, TransactionManager savepoints, int workers,
                          int maxGroup) {
        super(builder.transactionManager(transactions));
        this.transactions = transactions;
        this.savepoints = savepoints;
        this.maxGroup = Math.max(1, maxGroup);
        for (int w = 0; w < workers; w++) {
            BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4096);
            queues.add(queue);
            Thread worker = new Thread(() -> work(queue), "group-commit-" + w);
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        Registration registration = super.registerHandlerInterceptor(handlerInterceptor);
        interceptors.add(handlerInterceptor);
        return () -> {
            interceptors.remove(handlerInterceptor);
            return registration.cancel();
        };
    }

    /** Commands queued for a worker and not yet taken up. */
    int waiting() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /**
     * Instead of handling on the caller's thread: queues for the topic's worker, which answers the callback; inside a
     * unit of work, handles it there, nested.
     */
    @Override
    @SuppressWarnings("unchecked")
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = new Pending((CommandMessage<Object>) command, handler,
                    (CommandCallback<Object, Object>) callback);
            pending.callback().onResult(pending.command(), nested(pending));
            return;
        }
        Object payload = command.getPayload();
        String key = payload instanceof TopicCommand topicCommand ? topicCommand.topicId() : command.getCommandName();
        BlockingQueue<Pending> queue = queues.get(Math.floorMod(key.hashCode(), queues.size()));
        try {
            queue.put(new Pending((CommandMessage<Object>) command, handler,
                    (CommandCallback<Object, Object>) callback));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(e));
        }
    }

    private void work(BlockingQueue<Pending> queue) {
        List<Pending> waiting = new ArrayList<>();
        while (true) {
            try {
                if (waiting.isEmpty()) {
                    waiting.add(queue.take());
                }
                queue.drainTo(waiting, Math.max(0, maxGroup - waiting.size()));
                int handled = waiting.size() == 1 ? alone(waiting.get(0)) : group(waiting);
                waiting.subList(0, handled).clear();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // never lose the worker: whatever is still waiting is answered with the failure
                log.error("group commit worker failed: {}", e.getClass().getName());
                waiting.forEach(p -> p.callback().onResult(p.command(),
                        GenericCommandResultMessage.asCommandResultMessage(e)));
                waiting.clear();
            }
        }
    }

    /** As Axon's simple bus handles a command: its own unit of work and transaction. */
    private int alone(Pending pending) {
        super.handle(pending.command(), pending.handler(), pending.callback());
        return 1;
    }

    /**
     * Handles commands from the head of {@code waiting} in one transaction until one is refused or the group is full;
     * returns how many were answered.
     */
    private int group(List<Pending> waiting) {
        UnitOfWork<CommandMessage<?>> root = DefaultUnitOfWork.startAndGet(waiting.get(0).command());
        root.attachTransaction(transactions);
        List<Decided> decided = new ArrayList<>();
        try {
            for (Pending pending : waiting) {
                CommandResultMessage<Object> result = nested(pending);
                decided.add(new Decided(pending, result));
                if (result.isExceptional()) {
                    break;
                }
            }
            Throwable refusal = decided.get(decided.size() - 1).result().optionalExceptionResult().orElse(null);
            if (refusal != null && !isRefusal(refusal)) {
                // not a rule's refusal: the topic's copy may be half-changed, so nothing of the group is kept
                root.rollback(refusal);
                return aloneEach(decided);
            }
            root.commit();
        } catch (RuntimeException | Error e) {
            if (root.isActive()) {
                root.rollback(e);
            }
            return aloneEach(decided);
        }
        decided.forEach(d -> d.pending().callback().onResult(d.pending().command(), d.result()));
        return decided.size();
    }

    /**
     * A refusal decided before anything was applied to the topic: a rule of the topic, a topic that does not exist, an
     * idempotency key used for another request.
     */
    private static boolean isRefusal(Throwable failure) {
        return failure instanceof RuleViolation || failure instanceof AggregateNotFoundException
                || failure instanceof IdempotencyKeyReusedException;
    }

    private CommandResultMessage<Object> nested(Pending pending) {
        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(pending.command());
        unitOfWork.attachTransaction(savepoints);
        DefaultInterceptorChain<CommandMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork, interceptors,
                pending.handler());
        ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed,
                RollbackConfigurationType.ANY_THROWABLE);
        return GenericCommandResultMessage.asCommandResultMessage(result);
    }

    private int aloneEach(List<Decided> decided) {
        decided.forEach(d -> alone(d.pending()));
        return decided.size();
    }
}

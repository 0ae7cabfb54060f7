package commonplace.command.ratelimit;

import commonplace.command.topic.model.Commands.TopicCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Makes a write pay for every event it recorded, not once per request: a comment with 10 links records 11 events and
 * costs 11. The HTTP interceptor took the first token before the body was read; once the command has committed, its
 * author is charged for the others. The events are counted where they are published, in the command's unit of work,
 * so a write that records nothing (refused, answered from its Idempotency-Key, an edit that changes nothing) costs its
 * one token and a rolled-back one costs no more.
 */
final class RecordedEventsCharge implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String RECORDED = RecordedEventsCharge.class.getName() + ".recorded";
    /**
     * Events carry the id of the command that recorded them as their correlation id (Axon's message origin): with group commit
     * one unit of work publishes the events of several commands, and each author pays for their own.
     */
    private static final String CORRELATION_ID = "correlationId";

    private final WriteRateLimiter limiter;

    RecordedEventsCharge(WriteRateLimiter limiter) {
        this.limiter = limiter;
    }

    /** For the event store: counts the events a unit of work publishes (at its prepare-commit, once each). */
    MessageDispatchInterceptor<EventMessage<?>> eventCounter() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
                if (CurrentUnitOfWork.isStarted()) {
                    Map<Object, AtomicInteger> byCommand = CurrentUnitOfWork.get().root()
                            .getOrComputeResource(RECORDED, key -> new HashMap<>());
                    for (EventMessage<?> event : events) {
                        byCommand.computeIfAbsent(event.getMetaData().get(CORRELATION_ID), id -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }
                return (index, event) -> event;
            }
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (limiter.enabled() && unitOfWork.getMessage().getPayload() instanceof TopicCommand command) {
            String authorId = command.author().id();
            Object correlationId = unitOfWork.getMessage().getIdentifier();
            unitOfWork.afterCommit(committed -> {
                Map<Object, AtomicInteger> byCommand = committed.root().getResource(RECORDED);
                AtomicInteger recorded = byCommand == null ? null : byCommand.get(correlationId);
                if (recorded != null) {
                    limiter.charge(authorId, recorded.get() - 1);
                }
            });
        }
        return chain.proceed();
    }
}

package commonplace.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Answers a repeated command (same author, same Idempotency-Key) with the answer to the first one, recording nothing
 * new. Runs on the command bus inside the command's unit of work and database transaction: the claim, the events and
 * the stored answer commit together, and a command that fails leaves no trace, so its key can be used again.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;

    IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var metaData = unitOfWork.getMessage().getMetaData();
        if (!(metaData.get(IdempotentCommands.KEY) instanceof String key)
                || !(metaData.get(IdempotentCommands.AUTHOR) instanceof String authorId)
                || !(metaData.get(IdempotentCommands.FINGERPRINT) instanceof String fingerprint)) {
            return chain.proceed();
        }
        var claimed = store.claim(authorId, key, fingerprint);
        if (claimed.isPresent()) {
            if (!claimed.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            return claimed.get().answer();
        }
        Object answer = chain.proceed();
        store.answer(authorId, key, answer);
        return answer;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeExpired() {
        store.purgeExpired();
    }
}

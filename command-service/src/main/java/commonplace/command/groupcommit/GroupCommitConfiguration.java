package commonplace.command.groupcommit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The command bus: Axon's, with group commit ({@code commonplace.group-commit.*}: {@code workers} threads, each
 * committing up to {@code max-group} commands at once; {@code workers} 0 keeps Axon's simple bus, one transaction
 * per command on the request's thread).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class GroupCommitConfiguration {

    @Bean(name = "commandBus")
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactions, PlatformTransactionManager platform,
                                Configuration axon, DuplicateCommandHandlerResolver duplicates,
                                @Value("${commonplace.group-commit.workers}") int workers,
                                @Value("${commonplace.group-commit.max-group}") int maxGroup) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        SimpleCommandBus bus;
        if (workers > 0) {
            bus = new GroupCommitCommandBus(builder, transactions, new SavepointTransactions(platform), workers,
                    maxGroup);
        } else {
            bus = builder.transactionManager(transactions).build();
        }
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}

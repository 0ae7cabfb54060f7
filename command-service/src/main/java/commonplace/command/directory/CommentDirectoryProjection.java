package commonplace.command.directory;

import commonplace.events.CommentPosted;
import commonplace.events.ReplyPosted;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the comment directory from a subscribing processor: in the command's own unit of work and database
 * transaction, so that a comment is findable the moment its command returns and never if the append rolled back.
 * Imported comments are recorded by the import, in batches, in the same transaction
 * ({@link CommentDirectory#recordImported}).
 */
@Component
@ProcessingGroup(CommentDirectoryProjection.PROCESSING_GROUP)
class CommentDirectoryProjection {

    static final String PROCESSING_GROUP = "comment-directory";

    private final JdbcTemplate jdbc;

    CommentDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommentPosted event) {
        if (event.imported() == null) {
            record(event.commentId(), event.topicId());
        }
    }

    @EventHandler
    void on(ReplyPosted event) {
        if (event.imported() == null) {
            record(event.commentId(), event.topicId());
        }
    }

    private void record(String commentId, String topicId) {
        jdbc.update("insert into comment_directory (comment_id, topic_id) values (?, ?) on conflict do nothing",
                commentId, topicId);
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        /** Subscribing, and failing the command when the directory cannot be written. */
        @Bean
        ConfigurerModule commentDirectoryProcessor() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }
    }
}

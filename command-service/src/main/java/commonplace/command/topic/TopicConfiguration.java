package commonplace.command.topic;

import commonplace.command.topic.model.TopicLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic's limits from settings; Axon hands them to the command handlers that need them. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    TopicLimits topicLimits(@Value("${commonplace.topics.max-links-per-body}") int maxLinksPerBody,
                            @Value("${commonplace.topics.max-reply-depth}") int maxReplyDepth) {
        return new TopicLimits(maxLinksPerBody, maxReplyDepth);
    }
}

package commonplace.query.erasure;

/**
 * A cache that holds what a topic's events said in memory (opened with keys since destroyed, or before its erasure
 * was applied); told, after an {@code AuthorErased} of the topic commits, to forget everything of that topic.
 */
public interface ErasedTopicCache {

    void forgetTopic(String topicId);
}

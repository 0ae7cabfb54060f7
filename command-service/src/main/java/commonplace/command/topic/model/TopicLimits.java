package commonplace.command.topic.model;

/**
 * What one command may cost a topic at most, from settings: {@code maxLinksPerBody} LinkShared events per body (the
 * first distinct valid links; further URLs stay in the text and are not recorded as links) and replies nested
 * {@code maxReplyDepth} deep under a comment (a comment is depth 0, a reply to it depth 1).
 */
public record TopicLimits(int maxLinksPerBody, int maxReplyDepth) {

    public static final TopicLimits DEFAULTS = new TopicLimits(20, 1_000);

    public TopicLimits {
        if (maxLinksPerBody < 0) {
            throw new IllegalArgumentException("links per body must be 0 or more, not " + maxLinksPerBody);
        }
        if (maxReplyDepth < 1) {
            throw new IllegalArgumentException("the reply depth must be 1 or more, not " + maxReplyDepth);
        }
    }
}

package commonplace.command.importing.mapping;

import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.SourceTopic;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each source topic its topic id (the mapping file first, then {@link TopicIds}) and settles collisions: two
 * threads of one page (Disqus keeps one per spelling of an address) share the page's topic; two pages whose ids come
 * out equal are told apart by {@code -2}, {@code -3}… in the order the export lists them. Remembers one entry per
 * topic, not per comment.
 */
public final class TopicIdAssigner {

    /** The topic id and, when it is not the obvious one, why (a report reason). */
    public record Assignment(String topicId, String change) {
    }

    private final SourceFormat format;
    private final MappingFile mapping;
    /** topic id → the page that holds it */
    private final Map<String, String> pageByTopicId = new HashMap<>();

    public TopicIdAssigner(SourceFormat format, MappingFile mapping) {
        this.format = format;
        this.mapping = mapping;
        mapping.topicIds().forEach(topicId -> pageByTopicId.put(topicId, "mapping:" + topicId));
    }

    public Assignment assign(SourceTopic topic) {
        var chosen = mapping.topicIdFor(topic.url(), topic.identifier(), topic.sourceId());
        if (chosen.isPresent()) {
            return new Assignment(chosen.get(), null);
        }
        var remembered = mapping.rememberedTopicId(topic.sourceId());
        if (remembered.isPresent()) {
            return new Assignment(remembered.get(), null);
        }
        var fromIdentifier = TopicIds.fromIdentifier(topic.identifier());
        String candidate;
        String page;
        String change = null;
        if (fromIdentifier.isPresent()) {
            candidate = fromIdentifier.get();
            page = "id:" + candidate;
        } else {
            var fromUrl = TopicIds.fromUrl(topic.url());
            if (fromUrl.isPresent()) {
                candidate = fromUrl.get();
                page = "url:" + TopicIds.pageKey(topic.url());
                if (topic.identifier() != null) {
                    change = "the source identifier is not a topic id; the id is a slug of the page address";
                }
            } else {
                candidate = TopicIds.slug(format.key() + "-" + topic.sourceId());
                page = "source:" + topic.sourceId();
                change = "neither a usable identifier nor a page address; the id is made from the source id";
            }
        }
        return claim(candidate, page, change);
    }

    private Assignment claim(String candidate, String page, String change) {
        String topicId = candidate;
        for (int n = 2; ; n++) {
            String holder = pageByTopicId.putIfAbsent(topicId, page);
            if (holder == null) {
                return new Assignment(topicId, topicId.equals(candidate) ? change
                        : "topic id " + candidate + " is another page's; this page's is " + topicId);
            }
            if (holder.equals(page)) {
                return new Assignment(topicId, "another thread of the same page is already this topic; merged into it");
            }
            String suffix = "-" + n;
            topicId = candidate.substring(0, Math.min(candidate.length(), TopicIds.MAX - suffix.length())) + suffix;
        }
    }
}

package commonplace.query;

import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Topics full of what people do, chosen at random with a fixed seed: comments and replies (some with an address in
 * the body and its link), edits that keep or drop the address, retractions, shares, locks.
 */
final class RandomDiscussions {

    private RandomDiscussions() {
    }

    /** {@code topics} topics of {@code eventsPerTopic} events each, interleaved topic by topic in order of time. */
    static List<EventEnvelope> generate(String prefix, int topics, int eventsPerTopic, long seed) {
        Random random = new Random(seed);
        List<List<EventEnvelope>> perTopic = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            perTopic.add(topic(TestTopic.named(prefix + t), eventsPerTopic, random));
        }
        List<EventEnvelope> interleaved = new ArrayList<>();
        for (int n = 0; n < eventsPerTopic; n++) {
            for (List<EventEnvelope> topic : perTopic) {
                if (n < topic.size()) {
                    interleaved.add(topic.get(n));
                }
            }
        }
        return interleaved;
    }

    private static List<EventEnvelope> topic(TestTopic topic, int events, Random random) {
        String id = topic.topicId;
        topic.open("Tema " + id + " – æøå", "a0", "Forfatter 0");
        List<String> live = new ArrayList<>();
        Map<String, Integer> revisions = new HashMap<>();
        Map<String, String> authors = new HashMap<>();
        int shares = 0;
        while (topic.lastSequence() < events) {
            int roll = random.nextInt(100);
            String author = "a" + random.nextInt(7);
            String name = "Forfatter " + author.substring(1);
            if (live.isEmpty() || roll < 40) {
                String comment = id + "-c" + topic.lastSequence();
                boolean withLink = random.nextInt(4) == 0;
                // backslashes, tabs and line breaks of every kind: what COPY's text format must escape
                topic.comment(comment, "Kommentar " + comment + (withLink ? " se https://example.com/" + comment : "")
                        + " 🎉 C:\\mappe\\fil\tkolonne\r\nlinje \\N", author, name + (random.nextInt(9) == 0 ? "\t\\" : ""));
                added(comment, author, live, revisions, authors);
                if (withLink) {
                    bodyLink(topic, comment, "https://example.com/" + comment, author, name);
                }
            } else if (roll < 65) {
                String parent = live.get(random.nextInt(live.size()));
                String reply = id + "-r" + topic.lastSequence();
                topic.reply(reply, parent, "Svar til " + parent + "\n\nandre avsnitt", author, name);
                added(reply, author, live, revisions, authors);
            } else if (roll < 80) {
                String comment = live.get(random.nextInt(live.size()));
                int revision = revisions.merge(comment, 1, Integer::sum);
                boolean keepsAddress = random.nextBoolean();
                String url = "https://example.org/" + comment + "/" + revision;
                topic.edit(comment, revision, "Redigert " + revision + (keepsAddress ? " se " + url : ""),
                        authors.get(comment), "Forfatter " + authors.get(comment).substring(1));
                if (keepsAddress) {
                    bodyLink(topic, comment, url, authors.get(comment), "Forfatter " + authors.get(comment).substring(1));
                }
            } else if (roll < 88) {
                String comment = live.remove(random.nextInt(live.size()));
                topic.retract(comment, random.nextBoolean(), author, name);
            } else if (roll < 97) {
                String onto = random.nextBoolean() ? live.get(random.nextInt(live.size())) : null;
                String share = id + "-s" + shares++;
                topic.link(share, onto, LinkOrigin.SHARE, "https://Deling.example/" + share + "#x",
                        "https://deling.example/" + share, "deling.example", author, name);
            } else if (roll < 99) {
                topic.lock("mod", "Moderator");
            } else {
                topic.unlock("mod", "Moderator");
            }
        }
        return topic.envelopes();
    }

    private static void added(String comment, String author, List<String> live, Map<String, Integer> revisions,
                              Map<String, String> authors) {
        live.add(comment);
        revisions.put(comment, 1);
        authors.put(comment, author);
    }

    private static void bodyLink(TestTopic topic, String comment, String url, String author, String name) {
        topic.link(comment + "-l" + topic.lastSequence(), comment, LinkOrigin.BODY, url, url,
                java.net.URI.create(url).getHost(), author, name);
    }
}

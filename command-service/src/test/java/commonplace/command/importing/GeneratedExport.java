package commonplace.command.importing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Disqus or WordPress export of any size, written as it is read and never held: threads of fifty posts nested five
 * deep, HTML with links, entities and Norwegian text, every seventh thread listed after its posts (Disqus), one 10 MB
 * message early on, and every reply before its parent in one WordPress item out of three.
 */
public final class GeneratedExport extends InputStream {

    private static final int POSTS_PER_THREAD = 50;
    private static final String MESSAGE = "<p>Blåbær &amp; multer på Bessegen&#8217;s rygg – se "
            + "<a href=\"https://ut.no/turforslag/%d\" rel=\"nofollow noopener\">turen</a> og "
            + "https://www.yr.no/sted/Norge/%d før dere går.</p><p>Hilsen fra Ærøy, 😄 Ø&nbsp;Å</p>";

    private final SourceFormat format;
    private final long targetBytes;
    private long written;
    private byte[] chunk = new byte[0];
    private int position;
    private int thread;
    private long posts;
    private boolean ended;

    public GeneratedExport(SourceFormat format, long targetBytes) {
        this.format = format;
        this.targetBytes = targetBytes;
        this.chunk = bytes(format == SourceFormat.DISQUS
                ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
                  + "xmlns:dsq=\"http://disqus.com/disqus-internals\">\n"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" "
                  + "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Generert</title>\n");
    }

    /** How many posts or comments were written so far (all of them once the stream is read to its end). */
    public long posts() {
        return posts;
    }

    public int threads() {
        return thread;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position == chunk.length && !refill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        return count;
    }

    private boolean refill() {
        if (ended) {
            return false;
        }
        written += chunk.length;
        String next;
        if (written >= targetBytes) {
            next = format == SourceFormat.DISQUS ? "</disqus>\n" : "</channel>\n</rss>\n";
            ended = true;
        } else {
            thread++;
            next = format == SourceFormat.DISQUS ? disqusThread(thread) : wordpressItem(thread);
        }
        chunk = bytes(next);
        position = 0;
        return true;
    }

    private String disqusThread(int id) {
        StringBuilder xml = new StringBuilder();
        String threadXml = "<thread dsq:id=\"t" + id + "\"><id>side-" + id + "</id><link>https://example.no/side/" + id
                + "/</link><title>Side " + id + " – ærlig talt</title><createdAt>2019-03-01T18:00:00Z</createdAt>"
                + "<isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n";
        boolean threadAfterPosts = id % 7 == 0;
        if (!threadAfterPosts) {
            xml.append(threadXml);
        }
        for (int i = 0; i < POSTS_PER_THREAD; i++) {
            long post = ++posts;
            String parent = i % 5 == 0 ? "" : "<parent dsq:id=\"p" + (post - 1) + "\"/>";
            xml.append("<post dsq:id=\"p").append(post).append("\"><id>").append(post).append("</id><message><![CDATA[")
                    .append(message(post)).append("]]></message><createdAt>2019-03-02T08:00:00Z</createdAt>")
                    .append("<isDeleted>false</isDeleted><isSpam>false</isSpam><author><email>person")
                    .append(post % 1000).append("@example.no</email><name>Person ").append(post % 1000)
                    .append("</name><isAnonymous>").append(post % 3 == 0).append("</isAnonymous><username>person-")
                    .append(post % 1000).append("</username></author><ipAddress>10.0.0.1</ipAddress><thread dsq:id=\"t")
                    .append(id).append("\"/>").append(parent).append("</post>\n");
        }
        if (threadAfterPosts) {
            xml.append(threadXml);
        }
        return xml.toString();
    }

    private String wordpressItem(int id) {
        StringBuilder xml = new StringBuilder("<item><title>Innlegg " + id + "</title><link>https://example.no/?p=" + id
                + "</link><wp:post_id>" + id + "</wp:post_id><wp:post_name><![CDATA[innlegg-" + id
                + "]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>\n");
        long first = posts + 1;
        boolean childrenFirst = id % 3 == 0;
        for (int i = 0; i < POSTS_PER_THREAD; i++) {
            long comment = ++posts;
            long listed = childrenFirst ? first + POSTS_PER_THREAD - 1 - i : comment;
            long parent = (listed - first) % 5 == 0 ? 0 : listed - 1;
            xml.append("<wp:comment><wp:comment_id>").append(listed).append("</wp:comment_id><wp:comment_author>")
                    .append("<![CDATA[Person ").append(listed % 1000).append("]]></wp:comment_author>")
                    .append("<wp:comment_author_email><![CDATA[person").append(listed % 1000)
                    .append("@example.no]]></wp:comment_author_email><wp:comment_date_gmt><![CDATA[2023-07-15 10:30:00]]>")
                    .append("</wp:comment_date_gmt><wp:comment_content><![CDATA[").append(message(listed))
                    .append("]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>")
                    .append("<wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>").append(parent)
                    .append("</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n");
        }
        return xml.append("</item>\n").toString();
    }

    private static String message(long post) {
        if (post == 1_000) {
            return "<p>" + "langt ".repeat(10 * 1024 * 1024 / 6) + "</p>";
        }
        return MESSAGE.formatted(post, post);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

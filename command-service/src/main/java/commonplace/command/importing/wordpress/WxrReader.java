package commonplace.command.importing.wordpress;

import commonplace.command.importing.ExportReader;
import commonplace.command.importing.ImportFormatException.Problem;
import commonplace.command.importing.SourceAuthor;
import commonplace.command.importing.SourceComment;
import commonplace.command.importing.SourceHandler;
import commonplace.command.importing.SourceKind;
import commonplace.command.importing.SourceState;
import commonplace.command.importing.SourceTimes;
import commonplace.command.importing.SourceTopic;
import commonplace.command.importing.SourceTopic.Visibility;
import commonplace.command.importing.xml.BoundedText;
import commonplace.command.importing.xml.ElementName;
import commonplace.command.importing.xml.ExportXml;
import org.jsoup.parser.Parser;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a WordPress eXtended RSS export ({@code <rss>} declaring {@code http://wordpress.org/export/1.x/}): each
 * {@code <item>} of the channel is a topic, each of its {@code <wp:comment>}s a comment. Every WXR version (1.0 to
 * 1.2) is read. WordPress writes an item's fields before its comments, so the item is handed over when its first
 * comment starts (or at its end) and then each comment as it ends: an item with a hundred thousand comments costs no
 * more memory than one. A comment before the item's {@code wp:post_id} is reported as unreadable.
 */
public final class WxrReader implements ExportReader {

    /** The WXR namespace of every version; {@code …/export/1.2/excerpt/} is another namespace and does not match. */
    static final Pattern WXR_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/\\d+\\.\\d+/");

    @Override
    public void read(InputStream export, SourceHandler handler) {
        ExportXml xml = ExportXml.open(export);
        ElementName root = xml.root();
        if (!root.is("", "rss")) {
            String hint = root.localName().equals("disqus") ? "; it looks like a Disqus export: use format=disqus" : "";
            throw xml.failure(Problem.WRONG_FORMAT, "not a WordPress export: the root element is " + root.describe()
                    + ", expected <rss> with the WordPress export namespace" + hint);
        }
        String wp = xml.declaredNamespaces().stream().filter(uri -> WXR_NAMESPACE.matcher(uri).matches())
                .findFirst().orElseThrow(() -> xml.failure(Problem.WRONG_FORMAT, "an RSS feed, but not a WordPress "
                        + "export: the root declares no http://wordpress.org/export/1.x/ namespace"));
        while (xml.nextChild(1)) {
            if (!xml.currentName().is("", "channel")) {
                xml.skip();
                continue;
            }
            while (xml.nextChild(2)) {
                if (xml.currentName().is("", "item")) {
                    item(xml, wp, handler);
                } else {
                    xml.skip();
                }
            }
        }
        xml.finish();
    }

    private static void item(ExportXml xml, String wp, SourceHandler handler) {
        int depth = xml.depth();
        Item item = new Item();
        boolean topicSent = false;
        while (xml.nextChild(depth)) {
            ElementName name = xml.currentName();
            if (name.namespace().isEmpty()) {
                switch (name.localName()) {
                    case "title" -> item.title = xml.field("title", item.notes);
                    case "link" -> item.link = xml.field("link", item.notes);
                    default -> xml.skip();
                }
            } else if (name.namespace().equals(wp)) {
                switch (name.localName()) {
                    case "post_id" -> item.postId = xml.field("wp:post_id", item.notes);
                    case "post_name" -> item.postName = xml.field("wp:post_name", item.notes);
                    case "status" -> item.status = xml.field("wp:status", item.notes);
                    case "post_password" -> item.password = xml.field("wp:post_password", item.notes);
                    case "post_date_gmt" -> item.postDate = xml.field("wp:post_date_gmt", item.notes);
                    case "comment_status" -> item.commentStatus = xml.field("wp:comment_status", item.notes);
                    case "comment" -> {
                        if (!topicSent) {
                            item.send(handler);
                            topicSent = true;
                        }
                        comment(xml, wp, item.postId, handler);
                    }
                    default -> xml.skip();
                }
            } else {
                xml.skip();
            }
        }
        if (!topicSent) {
            item.send(handler);
        }
    }

    /** An item's fields as far as they are read: WordPress writes them all before the item's comments. */
    private static final class Item {
        final List<String> notes = new ArrayList<>();
        String postId;
        String postName;
        String title;
        String link;
        String status;
        String password;
        String postDate;
        String commentStatus;

        void send(SourceHandler handler) {
            if (postId == null) {
                handler.unreadable(SourceKind.TOPIC, postName != null ? postName : link, "an item without wp:post_id");
                return;
            }
            Instant created = SourceTimes.wordpress(postDate).orElse(null);
            handler.topic(new SourceTopic(postId, postName, decode(title), link, created,
                    visibility(status, password), "closed".equals(commentStatus), notes));
        }
    }

    private static void comment(ExportXml xml, String wp, String postId, SourceHandler handler) {
        int depth = xml.depth();
        List<String> notes = new ArrayList<>();
        String id = null;
        String parent = null;
        String author = null;
        String email = null;
        String url = null;
        String userId = null;
        String dateGmt = null;
        String localDate = null;
        BoundedText content = new BoundedText("", false);
        String approved = null;
        String type = null;
        while (xml.nextChild(depth)) {
            if (!xml.currentName().namespace().equals(wp)) {
                xml.skip();
                continue;
            }
            switch (xml.currentName().localName()) {
                case "comment_id" -> id = xml.field("wp:comment_id", notes);
                case "comment_parent" -> parent = xml.field("wp:comment_parent", notes);
                case "comment_author" -> author = xml.field("wp:comment_author", notes);
                case "comment_author_email" -> email = xml.field("wp:comment_author_email", notes);
                case "comment_author_url" -> url = xml.field("wp:comment_author_url", notes);
                case "comment_user_id" -> userId = xml.field("wp:comment_user_id", notes);
                case "comment_date_gmt" -> dateGmt = xml.field("wp:comment_date_gmt", notes);
                case "comment_date" -> localDate = xml.field("wp:comment_date", notes);
                case "comment_content" -> content = xml.text(SourceComment.HTML_MAX);
                case "comment_approved" -> approved = xml.field("wp:comment_approved", notes);
                case "comment_type" -> type = xml.field("wp:comment_type", notes);
                default -> xml.skip();
            }
        }
        if (id == null) {
            handler.unreadable(SourceKind.COMMENT, null, "a wp:comment without wp:comment_id");
            return;
        }
        if (postId == null) {
            handler.unreadable(SourceKind.COMMENT, id, "a wp:comment before its item's wp:post_id");
            return;
        }
        boolean registered = userId != null && !userId.equals("0");
        SourceAuthor who = new SourceAuthor(decode(author), registered ? userId : null, !registered, email, url);
        handler.comment(new SourceComment(id, postId, parent == null || parent.equals("0") ? null : parent, who,
                time(dateGmt, localDate, notes), content.text(), content.cut(), state(approved, notes),
                type(type), notes));
    }

    /** UTC from {@code comment_date_gmt}; WordPress writes {@code 0000-00-00 00:00:00} there for some old comments. */
    private static Instant time(String gmt, String local, List<String> notes) {
        Optional<Instant> utc = SourceTimes.wordpress(gmt);
        if (utc.isPresent()) {
            return utc.get();
        }
        Optional<Instant> localAsUtc = SourceTimes.wordpress(local);
        if (localAsUtc.isPresent()) {
            notes.add("no comment_date_gmt; the site's local comment_date was taken as UTC");
            return localAsUtc.get();
        }
        notes.add("neither comment_date_gmt nor comment_date is a time");
        return null;
    }

    private static SourceState state(String approved, List<String> notes) {
        String value = approved == null ? "" : approved.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "1", "approve", "approved" -> SourceState.PUBLISHED;
            case "0", "hold" -> SourceState.UNAPPROVED;
            case "spam" -> SourceState.SPAM;
            case "trash", "post-trashed" -> SourceState.DELETED;
            default -> {
                notes.add("comment_approved is not a state WordPress writes; held back as unapproved");
                yield SourceState.UNAPPROVED;
            }
        };
    }

    private static String type(String type) {
        if (type == null || type.equalsIgnoreCase("comment")) {
            return SourceComment.ORDINARY;
        }
        return type.toLowerCase(Locale.ROOT);
    }

    private static Visibility visibility(String status, String password) {
        if (password != null) {
            return Visibility.NOT_PUBLIC;
        }
        if (status == null) {
            return Visibility.PUBLIC;
        }
        return switch (status) {
            case "publish", "inherit" -> Visibility.PUBLIC;
            case "trash" -> Visibility.DELETED;
            default -> Visibility.NOT_PUBLIC;
        };
    }

    /** WordPress stores some plain-text fields with HTML entities ({@code Cynwise&#039;s &laquo;…}). */
    private static String decode(String text) {
        return text == null ? null : Parser.unescapeEntities(text, false);
    }
}

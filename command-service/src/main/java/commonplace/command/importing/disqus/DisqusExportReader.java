package commonplace.command.importing.disqus;

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

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads a Disqus export ({@code <disqus xmlns="http://disqus.com">}): every {@code <thread>} child of the root is a
 * topic, every {@code <post>} a comment, in whatever order the export lists them (posts usually after all threads,
 * but not always). A post names its thread and parent by {@code dsq:id} attributes on empty {@code <thread>} and
 * {@code <parent>} elements; a post without {@code dsq:id} falls back to its {@code <id>}, as seen in real exports.
 */
public final class DisqusExportReader implements ExportReader {

    static final String NAMESPACE = "http://disqus.com";
    /** The {@code dsq:} namespace; matched by its ending so that {@code https://} variants are read too. */
    static final Predicate<String> INTERNALS = uri -> uri.endsWith("disqus.com/disqus-internals");

    @Override
    public void read(InputStream export, SourceHandler handler) {
        ExportXml xml = ExportXml.open(export);
        ElementName root = xml.root();
        if (!root.localName().equals("disqus") || !(root.namespace().equals(NAMESPACE) || root.namespace().isEmpty())) {
            String hint = root.localName().equals("rss") ? "; it looks like a WordPress export: use format=wordpress" : "";
            throw xml.failure(Problem.WRONG_FORMAT, "not a Disqus export: the root element is " + root.describe()
                    + ", expected <disqus xmlns=\"" + NAMESPACE + "\">" + hint);
        }
        while (xml.nextChild(1)) {
            ElementName child = xml.currentName();
            if (child.is(root.namespace(), "thread")) {
                thread(xml, handler);
            } else if (child.is(root.namespace(), "post")) {
                post(xml, handler);
            } else {
                xml.skip();
            }
        }
        xml.finish();
    }

    private static void thread(ExportXml xml, SourceHandler handler) {
        String sourceId = xml.attribute(INTERNALS, "id");
        int depth = xml.depth();
        List<String> notes = new ArrayList<>();
        String identifier = null;
        String link = null;
        String title = null;
        String createdAt = null;
        String closed = null;
        String deleted = null;
        while (xml.nextChild(depth)) {
            switch (xml.currentName().localName()) {
                case "id" -> identifier = xml.field("id", notes);
                case "link" -> link = xml.field("link", notes);
                case "title" -> title = xml.field("title", notes);
                case "createdAt" -> createdAt = xml.field("createdAt", notes);
                case "isClosed" -> closed = xml.field("isClosed", notes);
                case "isDeleted" -> deleted = xml.field("isDeleted", notes);
                default -> xml.skip();
            }
        }
        if (sourceId == null || sourceId.isBlank()) {
            handler.unreadable(SourceKind.TOPIC, identifier != null ? identifier : link, "a thread without dsq:id");
            return;
        }
        Instant created = time(createdAt, notes);
        Visibility visibility = flag(deleted, "isDeleted", notes) ? Visibility.DELETED : Visibility.PUBLIC;
        handler.topic(new SourceTopic(sourceId.strip(), identifier, title, link, created, visibility,
                flag(closed, "isClosed", notes), notes));
    }

    private static void post(ExportXml xml, SourceHandler handler) {
        String sourceId = xml.attribute(INTERNALS, "id");
        int depth = xml.depth();
        List<String> notes = new ArrayList<>();
        String innerId = null;
        BoundedText message = new BoundedText("", false);
        String createdAt = null;
        String deleted = null;
        String spam = null;
        String thread = null;
        String parent = null;
        SourceAuthor author = new SourceAuthor(null, null, true, null, null);
        while (xml.nextChild(depth)) {
            switch (xml.currentName().localName()) {
                case "id" -> innerId = xml.field("id", notes);
                case "message" -> message = xml.text(SourceComment.HTML_MAX);
                case "createdAt" -> createdAt = xml.field("createdAt", notes);
                case "isDeleted" -> deleted = xml.field("isDeleted", notes);
                case "isSpam" -> spam = xml.field("isSpam", notes);
                case "author" -> author = author(xml, notes);
                case "thread" -> thread = reference(xml);
                case "parent" -> parent = reference(xml);
                default -> xml.skip();
            }
        }
        if (sourceId == null || sourceId.isBlank()) {
            if (innerId == null) {
                handler.unreadable(SourceKind.COMMENT, null, "a post without dsq:id or <id>");
                return;
            }
            sourceId = innerId;
            notes.add("the post has no dsq:id; its <id> was used");
        }
        if (thread == null) {
            handler.unreadable(SourceKind.COMMENT, sourceId.strip(), "the post names no thread");
            return;
        }
        handler.comment(new SourceComment(sourceId.strip(), thread, parent, author, time(createdAt, notes),
                message.text(), message.cut(), state(deleted, spam, notes), SourceComment.ORDINARY, notes));
    }

    private static SourceAuthor author(ExportXml xml, List<String> notes) {
        int depth = xml.depth();
        String name = null;
        String username = null;
        String email = null;
        String anonymous = null;
        while (xml.nextChild(depth)) {
            switch (xml.currentName().localName()) {
                case "name" -> name = xml.field("author name", notes);
                case "username" -> username = xml.field("author username", notes);
                case "email" -> email = xml.field("author email", notes);
                case "isAnonymous" -> anonymous = xml.field("isAnonymous", notes);
                default -> xml.skip();
            }
        }
        boolean guest = username == null || flag(anonymous, "isAnonymous", notes);
        return new SourceAuthor(name, guest ? null : username, guest, email, null);
    }

    /** The {@code dsq:id} of an empty reference element such as {@code <thread dsq:id="1"/>}. */
    private static String reference(ExportXml xml) {
        String id = xml.attribute(INTERNALS, "id");
        xml.skip();
        return id == null || id.isBlank() ? null : id.strip();
    }

    private static SourceState state(String deleted, String spam, List<String> notes) {
        Boolean isSpam = bool(spam);
        Boolean isDeleted = bool(deleted);
        if ((spam != null && isSpam == null) || (deleted != null && isDeleted == null)) {
            notes.add("isSpam or isDeleted is neither true nor false; held back as unapproved");
            return SourceState.UNAPPROVED;
        }
        if (Boolean.TRUE.equals(isSpam)) {
            return SourceState.SPAM;
        }
        return Boolean.TRUE.equals(isDeleted) ? SourceState.DELETED : SourceState.PUBLISHED;
    }

    private static boolean flag(String text, String field, List<String> notes) {
        Boolean value = bool(text);
        if (text != null && value == null) {
            notes.add(field + " is neither true nor false; taken as false");
        }
        return Boolean.TRUE.equals(value);
    }

    private static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0", "" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Instant time(String text, List<String> notes) {
        if (text == null) {
            notes.add("no createdAt");
            return null;
        }
        return SourceTimes.iso(text).orElseGet(() -> {
            notes.add("createdAt is not a time this reader knows");
            return null;
        });
    }
}

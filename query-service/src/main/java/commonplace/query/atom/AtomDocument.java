package commonplace.query.atom;

import commonplace.query.atom.FeedQueries.Entry;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an Atom feed (RFC 4287) with the JDK's StAX writer, which escapes all markup. Text is always
 * {@code type="text"}, never HTML; characters XML 1.0 cannot carry at all become U+FFFD.
 */
final class AtomDocument {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final int TITLE_LENGTH = 80;

    /** The feed's own fields; links are absolute. */
    record Feed(String id, String title, Instant updated, String selfUrl, String pageUrl, String pageBaseUrl) {
    }

    private AtomDocument() {
    }

    static byte[] write(Feed feed, List<Entry> entries, FeedText words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + entries.size() * 1024);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "id", feed.id());
            textElement(xml, "title", feed.title());
            element(xml, "updated", timestamp(newest(feed.updated(), entries)));
            link(xml, "self", feed.selfUrl(), "application/atom+xml");
            link(xml, "alternate", feed.pageUrl(), "text/html");
            xml.writeStartElement("generator");
            xml.writeCharacters("commonplace");
            xml.writeEndElement();
            for (Entry entry : entries) {
                entry(xml, entry, feed.pageBaseUrl(), words);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an Atom feed could not be written", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, Entry entry, String pageBaseUrl, FeedText words)
            throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", "urn:commonplace:comment:" + entry.commentId());
        // a text withheld for another reason than a retraction (an erased writer) has no body either
        textElement(xml, "title", entry.retracted() ? words.retractedTitle()
                : entry.body() == null ? words.withheldTitle() : title(entry.body()));
        element(xml, "published", timestamp(entry.published()));
        element(xml, "updated", timestamp(entry.updated()));
        xml.writeStartElement("author");
        element(xml, "name", entry.authorName());
        xml.writeEndElement();
        link(xml, "alternate", pageBaseUrl + "/t/" + entry.topicId() + "#comment-" + entry.commentId(), "text/html");
        textElement(xml, "content", entry.retracted() ? words.retractedContent()
                : entry.body() == null ? words.withheldContent() : entry.body());
        xml.writeEndElement();
    }

    /** The body's first line, at most 80 code points. */
    static String title(String body) {
        String firstLine = body.strip().lines().findFirst().orElse("").strip();
        if (firstLine.codePointCount(0, firstLine.length()) <= TITLE_LENGTH) {
            return firstLine;
        }
        return firstLine.substring(0, firstLine.offsetByCodePoints(0, TITLE_LENGTH)).strip() + "…";
    }

    private static Instant newest(Instant updated, List<Entry> entries) {
        Instant newest = updated == null ? Instant.EPOCH : updated;
        for (Entry entry : entries) {
            if (entry.updated().isAfter(newest)) {
                newest = entry.updated();
            }
        }
        return newest;
    }

    private static void textElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", xmlSafe(href));
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Replaces what XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/F, lone surrogates) with U+FFFD. */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (safe != null) {
                    safe.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(allowed ? c : '\uFFFD');
            }
        }
        return safe == null ? text : safe.toString();
    }
}

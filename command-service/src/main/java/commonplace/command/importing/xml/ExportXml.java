package commonplace.command.importing.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.stax.WstxInputFactory;
import commonplace.command.importing.ImportFormatException;
import commonplace.command.importing.ImportFormatException.Problem;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * A pull cursor over one export, hardened for input from anyone: no DTD (a document type declaration is refused
 * before its internal subset is read, so entity bombs and external entities never expand), no external fetches, at
 * most {@link #MAX_DEPTH} levels of elements, short attributes, and text handed over in segments (Woodstox splits
 * even a CDATA section), so that a 10 MB message costs no more memory than {@link #text(int)} keeps of it. Every
 * failure becomes an {@link ImportFormatException} naming the rule and the place.
 */
public final class ExportXml {

    /** Deeper than any export: a Disqus post's author name sits at depth 4, a WordPress comment meta value at 6. */
    public static final int MAX_DEPTH = 32;

    /** The most of a short field kept: far beyond any id, name, title or address that a rule accepts. */
    public static final int FIELD_MAX = 4096;

    private static final int MAX_ATTRIBUTE_CHARS = 64 * 1024;
    private static final int MAX_ATTRIBUTES = 64;
    private static final XMLResolver NOTHING_EXTERNAL = (publicId, systemId, baseUri, namespace) -> {
        throw new XMLStreamException("external resources are not read: " + systemId);
    };
    private static final XMLInputFactory2 FACTORY = hardenedFactory();

    private final XMLStreamReader2 reader;

    private ExportXml(XMLStreamReader2 reader) {
        this.reader = reader;
    }

    /** A cursor before the root element; the encoding comes from the byte order mark or the XML declaration. */
    public static ExportXml open(InputStream export) {
        try {
            return new ExportXml((XMLStreamReader2) FACTORY.createXMLStreamReader(export));
        } catch (XMLStreamException e) {
            throw translate(e, null);
        }
    }

    /** Moves to the root element and returns its name. */
    public ElementName root() {
        while (next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: comments and processing instructions
        }
        return currentName();
    }

    /**
     * Moves to the next child element of the element at {@code parentDepth} (the root is at depth 1), skipping
     * text between children; false when that element ends instead.
     */
    public boolean nextChild(int parentDepth) {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (reader.getDepth() == parentDepth + 1) {
                    return true;
                }
                continue; // cannot happen after skip(); kept as a guard
            }
            if (event == XMLStreamConstants.END_ELEMENT && reader.getDepth() == parentDepth) {
                return false;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
        }
    }

    /** The depth of the current element (the root is 1). */
    public int depth() {
        return reader.getDepth();
    }

    public ElementName currentName() {
        return new ElementName(reader.getNamespaceURI(), reader.getLocalName());
    }

    /** The namespace URIs the current element declares. */
    public List<String> declaredNamespaces() {
        List<String> uris = new java.util.ArrayList<>();
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            uris.add(reader.getNamespaceURI(i));
        }
        return uris;
    }

    /** The value of the current element's attribute whose namespace passes {@code namespace}, or null. */
    public String attribute(Predicate<String> namespace, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String uri = reader.getAttributeNamespace(i);
            if (localName.equals(reader.getAttributeLocalName(i)) && namespace.test(uri == null ? "" : uri)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * The text of the current element and its descendants, up to {@code max} characters, and moves past its end;
     * the rest of a longer text is read and dropped, and the answer says so.
     */
    public BoundedText text(int max) {
        int startDepth = reader.getDepth();
        StringBuilder text = new StringBuilder();
        boolean cut = false;
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int room = max - text.length();
                    int length = reader.getTextLength();
                    if (length > room) {
                        cut = true;
                    }
                    if (room > 0) {
                        text.append(reader.getTextCharacters(), reader.getTextStart(), Math.min(room, length));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (reader.getDepth() == startDepth) {
                        return new BoundedText(text.toString(), cut);
                    }
                }
                default -> {
                    // nested elements contribute their text; comments and processing instructions nothing
                }
            }
        }
    }

    /**
     * A short field (an id, a name, a date, an address): its text stripped, null when empty; cut at
     * {@link #FIELD_MAX} characters, and then {@code notes} says so.
     */
    public String field(String field, List<String> notes) {
        BoundedText value = text(FIELD_MAX);
        if (value.cut()) {
            notes.add(field + " is longer than " + FIELD_MAX + " characters and was cut");
        }
        return value.strippedOrNull();
    }

    /** Moves past the end of the current element without keeping anything of it. */
    public void skip() {
        int startDepth = reader.getDepth();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.END_ELEMENT && reader.getDepth() == startDepth) {
                return;
            }
        }
    }

    /** Reads to the end of the document, so that anything malformed after the last record is still found. */
    public void finish() {
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // epilog
        }
        try {
            reader.closeCompletely();
        } catch (XMLStreamException e) {
            throw translate(e, null);
        }
    }

    /** A failure at the current place: for a reader's own checks (wrong root element). */
    public ImportFormatException failure(Problem problem, String message) {
        Location location = reader.getLocation();
        return new ImportFormatException(problem, message, location.getLineNumber(), location.getColumnNumber(),
                null);
    }

    private int next() {
        try {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw failure(Problem.DTD_REFUSED, "the export has a document type declaration (<!DOCTYPE>): "
                        + "exports have none, and DTDs are refused because their entities can expand without bound "
                        + "or read files and addresses");
            }
            if (event == XMLStreamConstants.START_ELEMENT && reader.getDepth() > MAX_DEPTH) {
                throw failure(Problem.TOO_DEEP, "elements are nested deeper than " + MAX_DEPTH
                        + " levels, deeper than any export");
            }
            return event;
        } catch (XMLStreamException e) {
            throw translate(e, reader.getLocation());
        } catch (RuntimeException e) {
            if (e instanceof ImportFormatException format) {
                throw format;
            }
            // Woodstox reports some errors lazily, wrapped in an unchecked exception
            if (e.getCause() instanceof XMLStreamException cause) {
                throw translate(cause, reader.getLocation());
            }
            throw e;
        }
    }

    private static ImportFormatException translate(XMLStreamException e, Location fallback) {
        Location location = e.getLocation() != null ? e.getLocation() : fallback;
        long line = location == null ? 0 : location.getLineNumber();
        long column = location == null ? 0 : location.getColumnNumber();
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof CharConversionException) {
            return new ImportFormatException(Problem.ENCODING,
                    "the export is not valid text in its encoding: " + cause.getMessage(), line, column, e);
        }
        if (cause instanceof IOException) {
            return new ImportFormatException(Problem.UNREADABLE,
                    "the export could not be read to its end: " + cause.getMessage(), line, column, e);
        }
        if (e instanceof WstxEOFException && location != null && location.getCharacterOffset() <= 0) {
            return new ImportFormatException(Problem.TRUNCATED, "the export is empty", line, column, e);
        }
        if (e instanceof WstxEOFException) {
            return new ImportFormatException(Problem.TRUNCATED,
                    "the export ends in the middle of the document; was the file cut off?", line, column, e);
        }
        String message = firstLine(e.getMessage());
        Problem problem = message.contains("limit") ? Problem.LIMIT_EXCEEDED : Problem.MALFORMED;
        return new ImportFormatException(problem, "the export is not well-formed XML: " + message, line, column, e);
    }

    /** Woodstox appends its own location on a second line; the exception carries ours. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static XMLInputFactory2 hardenedFactory() {
        XMLInputFactory2 factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.RESOLVER, NOTHING_EXTERNAL);
        factory.setProperty(WstxInputProperties.P_DTD_RESOLVER, NOTHING_EXTERNAL);
        factory.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, NOTHING_EXTERNAL);
        factory.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER, NOTHING_EXTERNAL);
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        factory.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, false);
        // a backstop behind the check in next(), which names the rule
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH * 2);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_CHARS);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
        return factory;
    }
}

package commonplace.command.importing;

import java.io.InputStream;

/**
 * Streams one export into a {@link SourceHandler}: each topic and comment is handed over as soon as its element
 * ends, and nothing of it is kept afterwards, so memory does not grow with the size of the export.
 */
public interface ExportReader {

    /**
     * Reads {@code export} to its end. The stream is not closed.
     *
     * @throws ImportFormatException when the document as a whole cannot be read: not well-formed, cut off, not this
     *                               format, a DTD, nesting too deep, not valid in its encoding; whatever the handler
     *                               received before stays valid
     */
    void read(InputStream export, SourceHandler handler);
}

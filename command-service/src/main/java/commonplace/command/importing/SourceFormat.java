package commonplace.command.importing;

import commonplace.command.importing.disqus.DisqusExportReader;
import commonplace.command.importing.wordpress.WxrReader;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The export formats commonplace reads, by the name a site owner gives ({@code ?format=disqus}). */
public enum SourceFormat {

    DISQUS("disqus", DisqusExportReader::new),
    WORDPRESS("wordpress", WxrReader::new);

    private final String key;
    private final Supplier<ExportReader> reader;

    SourceFormat(String key, Supplier<ExportReader> reader) {
        this.key = key;
        this.reader = reader;
    }

    /** The format's name in requests, in source references and as the first part of imported author ids. */
    public String key() {
        return key;
    }

    /** A new reader of this format (readers keep no state between exports, but are cheap to make). */
    public ExportReader reader() {
        return reader.get();
    }

    public static Optional<SourceFormat> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.key.equals(wanted)).findFirst();
    }
}

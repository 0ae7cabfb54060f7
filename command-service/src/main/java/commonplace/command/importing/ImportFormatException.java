package commonplace.command.importing;

/**
 * The export as a whole cannot be read. {@link #problem()} says which rule it broke (for a problem type or a report
 * line); the message says where, in words for the site owner, and never quotes what a person wrote.
 */
public class ImportFormatException extends RuntimeException {

    /** What is wrong with the document. */
    public enum Problem {
        /** Not well-formed XML. */
        MALFORMED,
        /** The file ends before the document does. */
        TRUNCATED,
        /** Bytes that are not text in the document's encoding. */
        ENCODING,
        /** Well-formed, but not an export of the format asked for. */
        WRONG_FORMAT,
        /** A document type declaration: exports have none, and DTDs are where entity bombs and XXE live. */
        DTD_REFUSED,
        /** Elements nested deeper than any export is. */
        TOO_DEEP,
        /** A limit of the parser: an attribute too long, too many attributes. */
        LIMIT_EXCEEDED,
        /** The stream could not be read (the client went away). */
        UNREADABLE
    }

    private final Problem problem;
    private final long line;
    private final long column;

    public ImportFormatException(Problem problem, String message, long line, long column, Throwable cause) {
        super(message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    public Problem problem() {
        return problem;
    }

    /** The line where the problem was found, 1-based; 0 when unknown. */
    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}

package commonplace.query.ingest;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a record was set aside, in words fit for a table an admin reads and for the log: never the record's text (a
 * parser or database message may quote it), never a control character or NUL (a text column refuses those), never
 * longer than {@link #MAX_LENGTH}.
 */
public final class FailureReasons {

    public static final int MAX_LENGTH = 500;

    /** Quoted text, which parsers and the database fill with what they read; a plain identifier may stay. */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("\"[A-Za-z_][A-Za-z0-9_]{0,62}\"");

    private FailureReasons() {
    }

    /** A reason from any text: quotes emptied (identifiers kept), controls dropped, bounded. */
    public static String safe(String text) {
        if (text == null || text.isBlank()) {
            return "unknown";
        }
        String withoutQuotes = QUOTED.matcher(text).replaceAll(match -> IDENTIFIER.matcher(match.group()).matches()
                ? Matcher.quoteReplacement(match.group()) : "'…'");
        StringBuilder clean = new StringBuilder(Math.min(withoutQuotes.length(), MAX_LENGTH));
        for (int i = 0; i < withoutQuotes.length() && clean.length() < MAX_LENGTH; i++) {
            char c = withoutQuotes.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                clean.append(c == '\n' || c == '\t' ? ' ' : '?');
            } else {
                clean.append(c);
            }
        }
        return clean.toString().strip();
    }

    /**
     * Why applying failed. For a database error: its state and its primary message (PostgreSQL puts row values only
     * in the detail, which is left out); for anything else only the exception's class, since its message may hold
     * whatever the projection was handling.
     */
    public static String ofApplying(Throwable failure) {
        String driverState = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // a batch statement's own failure is its next exception, not its cause
            Throwable database = cause instanceof SQLException batch && batch.getNextException() != null
                    ? batch.getNextException() : cause;
            if (database instanceof PSQLException server && server.getServerErrorMessage() != null) {
                ServerErrorMessage message = server.getServerErrorMessage();
                return safe("could not be applied: SQLState " + message.getSQLState() + ": " + message.getMessage());
            }
            if (driverState == null && database instanceof SQLException driver && driver.getSQLState() != null) {
                driverState = driver.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (driverState != null) {
            // refused by the driver before it reached the database; its messages may quote the value
            return safe("could not be applied: SQLState " + driverState + " (refused by the driver)");
        }
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String name = failure.getClass().getSimpleName();
        return safe("could not be applied: " + name
                + (innermost == failure ? "" : " (caused by " + innermost.getClass().getSimpleName() + ")"));
    }
}

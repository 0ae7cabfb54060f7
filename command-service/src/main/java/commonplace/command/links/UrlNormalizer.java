package commonplace.command.links;

import commonplace.events.text.TextRules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a URL against the contract (http or https only, a host, at most 2,048 characters, no spaces or control
 * characters, one line by {@link TextRules}: no bidirectional controls, no half surrogate pairs) and normalises it: lower-case scheme and host, fragment and default port dropped, an empty path
 * written as {@code /}; path and query are kept as written.
 */
public final class UrlNormalizer {

    public static final int MAX_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
    private static final Pattern HOST_NAME = Pattern.compile("[\\p{L}\\p{N}_-]+(\\.[\\p{L}\\p{N}_-]+)*\\.?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{0,5}");

    private UrlNormalizer() {
    }

    /** Why a URL is refused, in words fit for a problem answer. */
    public static final class InvalidUrlException extends IllegalArgumentException {
        InvalidUrlException(String message) {
            super(message);
        }
    }

    /** The normalised form, or empty when the URL does not follow the rules. */
    public static Optional<SharedUrl> tryNormalize(String url) {
        try {
            return Optional.of(normalize(url));
        } catch (InvalidUrlException e) {
            return Optional.empty();
        }
    }

    /**
     * @throws InvalidUrlException when the URL does not follow the rules; the message says which
     */
    public static SharedUrl normalize(String url) {
        if (url == null || url.isEmpty()) {
            throw new InvalidUrlException("must not be empty");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidUrlException("must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new InvalidUrlException("must not contain spaces or control characters");
            }
        }
        TextRules.check(url, TextRules.Kind.ONE_LINE).ifPresent(broken -> {
            throw new InvalidUrlException(broken.message());
        });
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.matches()) {
            throw new InvalidUrlException("must be an absolute http or https URL");
        }
        String schemeName = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!schemeName.equals("http") && !schemeName.equals("https")) {
            throw new InvalidUrlException("only http and https URLs are accepted");
        }
        String rest = scheme.group(2);
        if (!rest.startsWith("//")) {
            throw new InvalidUrlException("must have a host");
        }
        rest = rest.substring(2);
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String pathAndQuery = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        int fragment = pathAndQuery.indexOf('#');
        if (fragment >= 0) {
            pathAndQuery = pathAndQuery.substring(0, fragment);
        }
        if (pathAndQuery.isEmpty() || pathAndQuery.charAt(0) == '?') {
            pathAndQuery = "/" + pathAndQuery;
        }

        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostAndPort = authority.substring(at + 1);
        String host;
        String port;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            host = close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
            port = close < 0 || close + 1 >= hostAndPort.length() ? null : hostAndPort.substring(close + 1);
            if (port != null && !port.startsWith(":")) {
                throw new InvalidUrlException("has a malformed host");
            }
            port = port == null ? null : port.substring(1);
        } else {
            int colon = hostAndPort.lastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            port = colon < 0 ? null : hostAndPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new InvalidUrlException("must have a host");
        }
        if (!HOST_NAME.matcher(host).matches() && !IPV6_LITERAL.matcher(host).matches()) {
            throw new InvalidUrlException("has a malformed host");
        }
        if (port != null && (!PORT.matcher(port).matches() || (!port.isEmpty() && Integer.parseInt(port) > 65535))) {
            throw new InvalidUrlException("has a malformed port");
        }
        String domain = host.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == null || port.isEmpty()
                || (schemeName.equals("http") && Integer.parseInt(port) == 80)
                || (schemeName.equals("https") && Integer.parseInt(port) == 443);
        String normalized = schemeName + "://" + userInfo + domain + (defaultPort ? "" : ":" + Integer.parseInt(port))
                + pathAndQuery;
        return new SharedUrl(url, normalized, domain);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}

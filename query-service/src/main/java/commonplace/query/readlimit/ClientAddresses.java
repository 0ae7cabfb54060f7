package commonplace.query.readlimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whose read a request is: the connection's address, or, when a trusted proxy's header is configured, the last address
 * in that header (the one the proxy itself saw; whatever a client wrote before it is not believed). No other header
 * is ever read, so a client cannot pick its own address by sending {@code X-Forwarded-For}.
 */
final class ClientAddresses {

    /** An IPv4 or IPv6 literal: what a header may name (never a host name, which would need a DNS lookup). */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final String header;
    private final List<IpAddressMatcher> unlimited;

    ClientAddresses(ReadLimitSettings settings) {
        this.header = settings.clientAddressHeader().isBlank() ? null : settings.clientAddressHeader().trim();
        this.unlimited = settings.unlimitedAddresses().stream().map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        if (header != null) {
            List<String> values = Collections.list(request.getHeaders(header));
            if (!values.isEmpty()) {
                String[] addresses = values.get(values.size() - 1).split(",");
                String last = addresses[addresses.length - 1].trim();
                if (isAddress(last)) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }

    boolean isUnlimited(String address) {
        if (unlimited.isEmpty() || !isAddress(address)) {
            return false;
        }
        for (IpAddressMatcher matcher : unlimited) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isAddress(String text) {
        return text != null && LITERAL.matcher(text).matches() && (text.indexOf('.') >= 0 || text.indexOf(':') >= 0);
    }
}

package commonplace.command.links;

/**
 * A link as the events carry it: {@code url} as written, {@code normalizedUrl} with a lower-case scheme and host, no
 * fragment and no default port, and {@code domain}, the lower-case host.
 */
public record SharedUrl(String url, String normalizedUrl, String domain) {
}

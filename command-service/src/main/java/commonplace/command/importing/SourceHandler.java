package commonplace.command.importing;

/**
 * Receives an export's records in document order. Disqus lists every thread apart from its posts, and WordPress
 * may list a reply before its parent, so a comment can arrive before its topic or its parent: the handler resolves
 * references later (see {@code docs/import.md}), never by holding the export.
 */
public interface SourceHandler {

    void topic(SourceTopic topic);

    void comment(SourceComment comment);

    /**
     * A record that cannot be modelled at all (no id, no topic reference): the report line for it. {@code sourceId}
     * is whatever identifies it best (may be null); {@code reason} never contains what a person wrote.
     */
    void unreadable(SourceKind kind, String sourceId, String reason);
}

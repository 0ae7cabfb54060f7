package commonplace.command.importing.xml;

/** An element's namespace URI ({@code ""} for none) and local name. */
public record ElementName(String namespace, String localName) {

    public ElementName {
        namespace = namespace == null ? "" : namespace;
    }

    public boolean is(String wantedNamespace, String wantedLocalName) {
        return localName.equals(wantedLocalName) && namespace.equals(wantedNamespace);
    }

    /** As a reader would write it in a message: {@code <rss>}, {@code <disqus xmlns="http://disqus.com">}. */
    public String describe() {
        return namespace.isEmpty() ? "<" + localName + ">" : "<" + localName + " xmlns=\"" + namespace + "\">";
    }
}

package commonplace.command.importing;

/** What a record of an export is. */
public enum SourceKind {
    TOPIC, COMMENT
}

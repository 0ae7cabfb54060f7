package commonplace.command.importing.xml;

/** An element's text, at most as long as asked; {@code cut} when the source had more. */
public record BoundedText(String text, boolean cut) {

    /** The text stripped of surrounding white space, or null when nothing is left. */
    public String strippedOrNull() {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}

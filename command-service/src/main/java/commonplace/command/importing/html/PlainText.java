package commonplace.command.importing.html;

/**
 * A message turned into the plain text of a body, before the body rules are applied.
 *
 * @param text              the text, NFC, without leading or trailing blank lines
 * @param removedControls   how many control characters (other than line break and tab) were dropped
 * @param droppedLinks      how many {@code <a href>} addresses were not kept (not http or https, or not valid)
 */
public record PlainText(String text, int removedControls, int droppedLinks) {
}

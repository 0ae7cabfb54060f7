/** A message's HTML as the plain text of a comment body, by rules written down and tested. */
package commonplace.command.importing.html;

/** The WordPress eXtended RSS (WXR) reader. */
package commonplace.command.importing.wordpress;

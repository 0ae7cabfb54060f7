/** Reading exports as XML safely: the hardened Woodstox cursor the format readers share. */
package commonplace.command.importing.xml;

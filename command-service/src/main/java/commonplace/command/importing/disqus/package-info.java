/** The Disqus export reader. */
package commonplace.command.importing.disqus;

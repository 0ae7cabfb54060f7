/**
 * Imports a site's discussions from other engines' exports. Readers ({@code disqus}, {@code wordpress}) stream an
 * export into the neutral source model of this package ({@link commonplace.command.importing.SourceTopic},
 * {@link commonplace.command.importing.SourceComment}) in bounded memory; {@code html} turns a message into the plain
 * text of a comment body; {@code mapping} gives topics, authors and comments their commonplace ids and says what is
 * imported as it was, what is changed and what is skipped, each with its reason.
 */
package commonplace.command.importing;

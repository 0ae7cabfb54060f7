/**
 * From source records to what will be recorded: topic, author and comment ids, display names, bodies, and every
 * change or skip with its reason. Pure decisions; no storage.
 */
package commonplace.command.importing.mapping;

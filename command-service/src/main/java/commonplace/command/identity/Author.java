package commonplace.command.identity;

/**
 * Who sends a command, as the token says: {@code id} from {@code sub}, {@code name} from {@code name}, and whether
 * the token grants the moderator role. Never taken from a request body.
 */
public record Author(String id, String name, boolean moderator) {
}

package commonplace.query.web;

/** Who did something, as shown in answers: the token subject and the display name at the time. */
public record Author(String id, String name) {
}

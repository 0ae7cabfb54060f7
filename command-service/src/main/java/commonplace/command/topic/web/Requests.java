package commonplace.command.topic.web;

/**
 * The JSON bodies of the command endpoints, read strictly (unknown fields refused); every field is checked by the
 * topic's rules, not here.
 */
final class Requests {

    private Requests() {
    }

    record OpenTopicRequest(String title, String url, String description) {
    }

    record PostCommentRequest(String body, String language) {
    }

    record ShareLinkRequest(String url, String note, String parentId) {
    }

    /** A reply's or an edit's body. */
    record BodyRequest(String body) {
    }

    /** The optional reason of a retraction or a lock. */
    record ReasonRequest(String reason) {
    }
}

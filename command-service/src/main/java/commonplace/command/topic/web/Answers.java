package commonplace.command.topic.web;

import commonplace.events.ConsistencyPosition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/** The JSON answers of the command endpoints and what they share: the position token and Location URLs. */
final class Answers {

    /** Header carrying the position on answers without a body (204). */
    static final String POSITION_HEADER = "X-Commonplace-Position";

    private Answers() {
    }

    record TopicAnswer(String topicId, String position) {
    }

    record CommentAnswer(String commentId, String topicId, int revision, String position) {
    }

    record ShareAnswer(String shareId, String topicId, int revision, String position) {
    }

    static String position(String topicId, long lastSequence) {
        return new ConsistencyPosition(topicId, lastSequence).encode();
    }

    static URI location(String path, Object... variables) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(variables).toUri();
    }

    static HttpHeaders positionHeader(String topicId, long lastSequence) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(POSITION_HEADER, position(topicId, lastSequence));
        return headers;
    }
}

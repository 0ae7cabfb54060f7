package commonplace.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.command.eventstore.TopicFreshness;
import commonplace.command.identity.Author;
import commonplace.command.topic.model.Commands.TopicCommand;
import commonplace.command.topic.model.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends a command for an HTTP request and waits for its answer. With an {@code Idempotency-Key} header the command
 * carries the key, the author and a fingerprint of the request (method, path, If-Match, body), which the
 * {@link IdempotencyInterceptor} uses; {@link TopicFreshness} decides it on the newest state of its topic. Never inside an outer transaction: the command's unit of work owns it.
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    static final String KEY = "idempotencyKey";
    static final String AUTHOR = "authorId";
    static final String FINGERPRINT = "requestFingerprint";

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final CommandGateway gateway;
    private final ObjectMapper mapper;
    private final TopicFreshness freshness;

    IdempotentCommands(CommandGateway gateway, ObjectMapper mapper, TopicFreshness freshness) {
        this.gateway = gateway;
        this.mapper = mapper;
        this.freshness = freshness;
    }

    /**
     * @param requestBody the request body as read (re-serialised for the fingerprint), or null
     */
    public <R> R send(Object command, Author author, HttpServletRequest request, Object requestBody) {
        String key = request.getHeader(HEADER);
        String topicId = command instanceof TopicCommand topicCommand ? topicCommand.topicId() : null;
        if (key == null) {
            return topicId == null ? gateway.sendAndWait(command)
                    : freshness.decide(topicId, () -> gateway.<R>sendAndWait(command));
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw InvalidInputException.of(HEADER, "must be 1..255 visible ASCII characters");
        }
        MetaData metaData = MetaData.from(Map.of(
                KEY, key,
                AUTHOR, author.id(),
                FINGERPRINT, fingerprint(request, requestBody)));
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        return topicId == null ? gateway.sendAndWait(message)
                : freshness.decide(topicId, () -> gateway.<R>sendAndWait(message));
    }

    private String fingerprint(HttpServletRequest request, Object requestBody) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n"
                    + String.valueOf(request.getHeader("If-Match")) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(mapper.writeValueAsBytes(requestBody));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}

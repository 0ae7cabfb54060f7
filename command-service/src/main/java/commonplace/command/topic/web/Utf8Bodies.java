package commonplace.command.topic.web;

import com.fasterxml.jackson.core.JsonParseException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A command's JSON body must be well-formed UTF-8 (RFC 8259). Jackson decodes ill-formed bytes without a word: a
 * CESU-8 surrogate half becomes half a surrogate pair (which the topic's text rules refuse), a CESU-8 pair becomes the
 * character it stands for, an overlong {@code C0 80} becomes NUL. The JDK's decoder, strict, reads every body before
 * Jackson does, so that each of these is a 400 {@code malformed-json}. Bodies are at most 64 KiB, so reading them
 * whole first costs little; a body that declares another charset is left to the converter.
 */
@ControllerAdvice(assignableTypes = {TopicController.class, CommentController.class})
class Utf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType contentType = input.getHeaders().getContentType();
        if (contentType != null && contentType.getCharset() != null
                && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new JsonParseException(null, "the request body is not well-formed UTF-8");
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}

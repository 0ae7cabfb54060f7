package commonplace.web.request;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Content negotiation that never turns a request it has already carried out into a 406: the media types the
 * {@code Accept} header asks for come first, then anything ({@code *}{@code /*}). An endpoint that can meet the header
 * answers as asked; one that cannot answers in its own representation (JSON), as RFC 9110 (12.5.1) allows a server
 * to. A write sent with {@code Accept: text/plain} is recorded and answered 201 in JSON, never recorded and then
 * refused; an unreadable {@code Accept} header is disregarded.
 */
public final class AcceptOrDefault implements ContentNegotiationStrategy {

    private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
        List<MediaType> asked;
        try {
            asked = header.resolveMediaTypes(request);
        } catch (HttpMediaTypeNotAcceptableException unreadable) {
            return MEDIA_TYPE_ALL_LIST;
        }
        if (asked.contains(MediaType.ALL)) {
            return asked;
        }
        List<MediaType> withDefault = new ArrayList<>(asked);
        withDefault.add(MediaType.ALL);
        return withDefault;
    }
}

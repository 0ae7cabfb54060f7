package commonplace.web.request;

import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.support.AllEncompassingFormHttpMessageConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;

/**
 * Spring's filter that reads the form body of a PUT, PATCH or DELETE, except that a body it cannot decode (a broken
 * {@code %} escape, a truncated UTF-8 sequence) counts as no form at all instead of failing the request with a 500:
 * the API reads JSON alone, so the endpoint then refuses the form's content type with its usual problem (415).
 */
public class FormBodyFilter extends OrderedFormContentFilter {

    public FormBodyFilter() {
        setFormConverter(new UndecodableAsEmpty());
    }

    private static final class UndecodableAsEmpty extends AllEncompassingFormHttpMessageConverter {

        @Override
        public MultiValueMap<String, String> read(Class<? extends MultiValueMap<String, ?>> type,
                                                  HttpInputMessage input) throws IOException {
            try {
                return super.read(type, input);
            } catch (HttpMessageNotReadableException | IllegalArgumentException undecodable) {
                return new LinkedMultiValueMap<>();
            }
        }
    }
}

package commonplace.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read answered with a strong {@code ETag}: sending it back in {@code If-None-Match} gets {@code 304 Not Modified}
 * with no body while the answer is unchanged. The OpenAPI document says so for every endpoint marked with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConditionalRead {
}

package commonplace.command.admission;

import commonplace.web.problem.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Duration;

/**
 * Load shedding for writes ({@code commonplace.admission.*}): at most {@code max-in-flight} at once, {@code max-queued}
 * more waiting up to {@code queue-timeout}, the rest 503 {@code overloaded} with {@code Retry-After}. A
 * {@code max-in-flight} of 0 turns it off. Counted in {@code commonplace.admission.refused}.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    /** Right after the size and charset checks, before security: a refused write costs no token verification. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 12;

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(
            @Value("${commonplace.admission.max-in-flight}") int maxInFlight,
            @Value("${commonplace.admission.max-queued}") int maxQueued,
            @Value("${commonplace.admission.queue-timeout}") Duration queueTimeout,
            @Value("${commonplace.admission.retry-after}") Duration retryAfter,
            ProblemWriter problems, MeterRegistry meters) {
        AdmissionFilter filter = new AdmissionFilter(new AdmissionLimit(Math.max(1, maxInFlight), maxQueued,
                queueTimeout), (int) Math.max(1, retryAfter.toSeconds()), problems,
                meters.counter("commonplace.admission.refused"));
        FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        registration.setEnabled(maxInFlight > 0);
        return registration;
    }
}

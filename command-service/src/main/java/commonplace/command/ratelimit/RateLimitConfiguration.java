package commonplace.command.ratelimit;

import commonplace.command.identity.Author;
import org.axonframework.eventsourcing.eventstore.EventStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes are limited per author by the events they record ({@code COMMONPLACE_RATE_LIMIT_PER_MINUTE} events a minute,
 * default 120, 0 = off): a write needs one token after its bearer token is verified and before its body is read, and
 * pays for the rest of its events once recorded ({@link RecordedEventsCharge}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final WriteRateLimiter limiter;

    RateLimitConfiguration(@Value("${commonplace.rate-limit.per-minute}") int perMinute) {
        this.limiter = new WriteRateLimiter(perMinute, System::nanoTime);
    }

    @Bean
    WriteRateLimiter writeRateLimiter() {
        return limiter;
    }

    /** On the command bus, with its event counter on the event store (where aggregates publish, not the gateway). */
    @Bean
    RecordedEventsCharge recordedEventsCharge(EventStore eventStore) {
        RecordedEventsCharge charge = new RecordedEventsCharge(limiter);
        eventStore.registerDispatchInterceptor(charge.eventCounter());
        return charge;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                    if (authentication != null && authentication.getPrincipal() instanceof Author author) {
                        limiter.acquire(author.id());
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetIdleAuthors() {
        limiter.forgetIdle();
    }
}

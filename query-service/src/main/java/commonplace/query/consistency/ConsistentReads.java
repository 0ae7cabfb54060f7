package commonplace.query.consistency;

import commonplace.events.ConsistencyPosition;
import commonplace.query.web.ApiProblem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Read-your-writes for every read of the API: {@code ?consistentWith=<position>} holds the request until the
 * position's event is applied, at most the configured timeout (5 s), and then answers anyway with
 * {@code X-Commonplace-Stale: true}.
 */
@Configuration(proxyBeanMethods = false)
class ConsistentReads implements WebMvcConfigurer {

    static final String PARAMETER = "consistentWith";
    static final String STALE_HEADER = "X-Commonplace-Stale";

    private final AppliedPositions positions;
    private final Duration timeout;

    ConsistentReads(AppliedPositions positions,
                    @Value("${commonplace.query.consistency-timeout:5s}") Duration timeout) {
        this.positions = positions;
        this.timeout = timeout;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                awaitRequestedPosition(request, response);
                return true;
            }
        }).addPathPatterns("/api/v1/**");
    }

    private void awaitRequestedPosition(HttpServletRequest request, HttpServletResponse response) {
        String requested = request.getParameter(PARAMETER);
        if (requested == null || request.getDispatcherType() != DispatcherType.REQUEST) {
            return;
        }
        ConsistencyPosition position = ConsistencyPosition.decode(requested)
                .orElseThrow(() -> ApiProblem.invalid(PARAMETER, "is not a position this service issued"));
        if (!positions.awaitApplied(position.topicId(), position.sequence(), timeout)) {
            response.setHeader(STALE_HEADER, "true");
        }
    }
}

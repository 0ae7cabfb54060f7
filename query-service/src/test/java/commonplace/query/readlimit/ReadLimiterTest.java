package commonplace.query.readlimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReadLimiterTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void aBucketAllowsItsBurstThenRefillsEvenlyOverTheMinute() {
        ReadLimiter limiter = new ReadLimiter(60, 100, clock::get);
        for (int read = 0; read < 60; read++) {
            assertThat(limiter.tryRead("a")).isZero();
        }
        long wait = limiter.tryRead("a");
        assertThat(wait).isEqualTo(Duration.ofSeconds(1).toNanos());
        clock.addAndGet(wait);
        assertThat(limiter.tryRead("a")).isZero();
        assertThat(limiter.tryRead("a")).isPositive();
        assertThat(limiter.tryRead("b")).isZero();
    }

    @Test
    void aFloodOfAddressesStaysWithinTheBound() {
        ReadLimiter limiter = new ReadLimiter(600, 1_000, clock::get);
        for (int client = 0; client < 100_000; client++) {
            limiter.tryRead("10." + (client >> 16) + "." + ((client >> 8) & 255) + "." + (client & 255));
        }
        assertThat(limiter.clients()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void noHeaderIsBelievedUnlessOneIsConfigured() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        request.addHeader("X-Real-IP", "203.0.113.8");
        assertThat(new ClientAddresses(settings("", List.of())).of(request)).isEqualTo("192.0.2.10");
        assertThat(new ClientAddresses(settings("X-Real-IP", List.of())).of(request)).isEqualTo("203.0.113.8");
    }

    @Test
    void unlimitedAddressesMatchRangesAndNeverHostNames() {
        ClientAddresses addresses = new ClientAddresses(settings("", List.of("127.0.0.0/8", "::1")));
        assertThat(addresses.isUnlimited("127.0.0.1")).isTrue();
        assertThat(addresses.isUnlimited("127.9.9.9")).isTrue();
        assertThat(addresses.isUnlimited("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(addresses.isUnlimited("192.0.2.1")).isFalse();
        assertThat(addresses.isUnlimited("localhost")).isFalse();
        assertThat(addresses.isUnlimited("abc")).isFalse();
    }

    private static ReadLimitSettings settings(String header, List<String> unlimited) {
        return new ReadLimitSettings(600, header, unlimited, 100);
    }

}

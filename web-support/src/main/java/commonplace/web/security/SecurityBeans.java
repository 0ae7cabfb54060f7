package commonplace.web.security;

import commonplace.web.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The security chain's shared parts that Spring Security picks up as beans. */
@Configuration(proxyBeanMethods = false)
public class SecurityBeans {

    /** Requests the firewall refuses answer as problems. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return new FirewallRejections(problems);
    }

    /** The strict firewall, its character rules checked without regular expressions (see FirewallCharacters). */
    @Bean
    HttpFirewall requestFirewall() {
        return FirewallCharacters.strictFirewall();
    }

    /**
     * No observation of Security's own filters and decisions: wrapped around every filter of every request, they cost
     * more than a cached read and a tenth of a write; requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }
}

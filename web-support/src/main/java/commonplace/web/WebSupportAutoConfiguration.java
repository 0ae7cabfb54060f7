package commonplace.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import commonplace.web.openapi.ApiDocumentation;
import commonplace.web.problem.ExceptionProblems;
import commonplace.web.problem.ProblemAdvice;
import commonplace.web.problem.ProblemErrorController;
import commonplace.web.problem.ProblemWriter;
import commonplace.web.request.AcceptOrDefault;
import commonplace.web.request.FormBodyFilter;
import commonplace.web.request.PercentEscapeFilter;
import commonplace.web.request.RequestSizeLimitFilter;
import commonplace.web.request.Utf8BodyFilter;
import commonplace.web.security.ApiSecurity;
import commonplace.web.security.JwtDecoders;
import commonplace.web.security.JwtSettings;
import commonplace.web.security.ProblemCorsProcessor;
import commonplace.web.security.SecurityBeans;
import commonplace.web.security.TokenSettingsCheck;
import commonplace.web.server.TomcatProblemReports;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * The web layer both services share, switched on by having this module on the classpath: problem answers for every
 * refusal (Spring MVC, the error page, the security chain), strict JSON reading, the request body limits, and token
 * verification.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(JwtSettings.class)
@Import(SecurityBeans.class)
public class WebSupportAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(ObjectMapper mapper) {
        return new ProblemWriter(mapper);
    }

    @Bean
    ProblemAdvice problemAdvice(ObjectProvider<ExceptionProblems> tables) {
        return new ProblemAdvice(tables.orderedStream().toList());
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /**
     * Bodies are limited ahead of everything else, security included: an unauthenticated 1 GB upload is a 413. A
     * service names each endpoint that takes more with a {@link RequestSizeLimitFilter.PathLimit} bean.
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ProblemWriter problems,
            ObjectProvider<RequestSizeLimitFilter.PathLimit> pathLimits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(problems, pathLimits.orderedStream().toList()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** A URL with a broken % escape is refused ahead of everything that would decode it (see the class). */
    @Bean
    FilterRegistrationBean<PercentEscapeFilter> percentEscapeFilter(ProblemWriter problems) {
        FilterRegistrationBean<PercentEscapeFilter> registration = new FilterRegistrationBean<>(
                new PercentEscapeFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        return registration;
    }

    /** Replaces Spring Boot's form filter: an undecodable form body must not fail a request (see the class). */
    @Bean
    FormBodyFilter formContentFilter() {
        return new FormBodyFilter();
    }

    /** A body declared in a charset other than UTF-8 is refused before anyone reads it. */
    @Bean
    FilterRegistrationBean<Utf8BodyFilter> utf8BodyFilter(ProblemWriter problems) {
        FilterRegistrationBean<Utf8BodyFilter> registration = new FilterRegistrationBean<>(new Utf8BodyFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /**
     * The security chain's CORS filter (Spring Security's {@code cors()} takes the bean of this name) over the
     * service's {@link CorsConfigurationSource} (by the name {@code cors()} would look it up by), refusing as a problem; it runs inside the chain only, not a second
     * time as a servlet filter of its own.
     */
    @Bean(name = "corsFilter")
    @ConditionalOnBean(name = "corsConfigurationSource")
    CorsFilter corsFilter(@Qualifier("corsConfigurationSource") CorsConfigurationSource source,
                          ProblemWriter problems) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    @Bean
    @ConditionalOnBean(name = "corsFilter")
    FilterRegistrationBean<CorsFilter> corsFilterOnlyInTheSecurityChain(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }

    /** What Tomcat refuses before any filter runs is answered as a problem too. */
    @Bean
    TomcatProblemReports tomcatProblemReports(ProblemWriter problems) {
        return new TomcatProblemReports(problems);
    }

    /** An Accept header the answer cannot meet gets the endpoint's own representation (see {@link AcceptOrDefault}). */
    @Bean
    WebMvcConfigurer acceptOrDefault() {
        return new WebMvcConfigurer() {
            @Override
            public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
                configurer.strategies(List.of(new AcceptOrDefault()));
            }
        };
    }

    /**
     * JSON bodies are read strictly: unknown fields, a field given twice (a proxy reading the first and this service
     * the last would disagree), trailing content and null for a number are refused, and no number or boolean is taken
     * where text belongs (nor text where a number does). Jackson's own limits (nesting 1000 deep, numbers of 1000
     * digits) stand.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                });
    }

    /** Before any other bean: a service that cannot verify tokens safely does not start anything. */
    @Bean
    static TokenSettingsCheck tokenSettingsCheck() {
        return new TokenSettingsCheck();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(JwtSettings settings, Environment environment) {
        return JwtDecoders.cached(JwtDecoders.create(settings, environment.getProperty("server.address"),
                        Clock.systemUTC()),
                environment.getProperty("commonplace.jwt.cache-size", Integer.class, JwtDecoders.DEFAULT_CACHE_SIZE),
                environment.getProperty("commonplace.jwt.cache-ttl", java.time.Duration.class,
                        JwtDecoders.DEFAULT_CACHE_TTL), Clock.systemUTC());
    }

    /** Both OpenAPI documents describe problems, tokens and the shared headers alike. */
    @Bean
    ApiDocumentation apiDocumentation() {
        return new ApiDocumentation();
    }

    @Bean
    ApiSecurity apiSecurity(ProblemWriter problems) {
        return new ApiSecurity(problems);
    }
}

package io.fleetbench.gateway.security;

import io.fleetbench.gateway.GatewayProperties;
import io.fleetbench.gateway.dashboard.DashboardPaths;
import io.fleetbench.gateway.problem.ProblemResponseWriter;
import io.fleetbench.gateway.ratelimit.FailedLoginLimiter;
import io.fleetbench.gateway.ratelimit.RateLimitWebFilter;
import io.fleetbench.gateway.ratelimit.UserRateLimiter;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Stateless HTTP Basic security for the gateway: no session, no cookie and no CSRF token, because every request
 * carries its credentials. Errors are sent as problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** How often rejected credentials are logged at INFO; the rejections in between are counted. */
    private static final Duration REJECTED_CREDENTIALS_LOG_INTERVAL = Duration.ofMinutes(1);

    /**
     * The Content-Security-Policy of every response. The dashboard loads its script, stylesheet and data from the
     * gateway only and has no inline script or style, so a value from a monitored host that reached the page as
     * markup could still not run script. {@code frame-ancestors 'none'} stops other sites from framing the page.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Accepts only {@code {bcrypt}} hashes. Spring Security's default encoder would also accept {@code {noop}}, a
     * plain-text password.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder()));
    }

    // NOTE: HTTP Basic checks the bcrypt hash on every request, and each check runs 2^cost bcrypt rounds, so the
    // cost factor of the configured hashes bounds how many requests per second one CPU core can authenticate.
    @Bean
    ReactiveUserDetailsService userDetailsService(GatewayProperties properties) {
        return new MapReactiveUserDetailsService(ConfiguredUsers.toUserDetails(properties.users()));
    }

    @Bean
    SecurityWebFilterChain apiSecurityFilterChain(ServerHttpSecurity http, ProblemResponseWriter problems,
            UserRateLimiter rateLimiter, FailedLoginLimiter failedLogins) {
        RejectedCredentialsLog rejectedCredentials =
                new RejectedCredentialsLog(REJECTED_CREDENTIALS_LOG_INTERVAL, System::nanoTime);
        ProblemAuthenticationEntryPoint entryPoint =
                new ProblemAuthenticationEntryPoint(problems, rejectedCredentials, failedLogins);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // Spring Security's defaults stay: nosniff, X-Frame-Options DENY and Cache-Control no-store.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .authorizeExchange(ApiAccessRules::apply)
                .addFilterBefore(new CrossSiteRequestWebFilter(problems), SecurityWebFiltersOrder.HTTP_BASIC)
                // Before HTTP Basic, so that a blocked client address or user name costs no bcrypt check.
                .addFilterBefore(new FailedLoginWebFilter(failedLogins, problems), SecurityWebFiltersOrder.HTTP_BASIC)
                // Before authorization, so that requests a user may not send also count against the user's limit.
                // Dashboard files are served from memory, so they take no token and a page load costs only its
                // API requests.
                .addFilterBefore(new RateLimitWebFilter(rateLimiter, problems, DashboardPaths::isDashboardRequest),
                        SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }
}

package org.capgov.identity;

import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Three filter chains: {@code /api/**} is stateless (Bearer tokens, 401/403 as problem+json, no CSRF since no cookie
 * is accepted there); {@code /public/**} is open to anyone and creates no session; everything else is the browser
 * application (form login, session, CSRF). Actuator endpoints
 * accept a session or a token. Fine-grained rules sit on each endpoint as {@code @PreAuthorize}; the endpoint
 * authorization matrix test fails for an endpoint without one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(PersonDetailsService people, PasswordEncoder encoder, LoginGuard guard) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(people);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(guard.guard(passwords));
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(ApiTokenService tokens, PersonDetailsService people, ProblemResponses problems) {
        return new BearerTokenFilter(tokens, people, problems);
    }

    /** The filter is added to the chains below, not to the servlet container as well. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(
            BearerTokenFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * A request the firewall refuses (e.g. a control character in a parameter, an encoded slash in the path) is a
     * bad request: problem+json on the API, the error page elsewhere; never a stack trace.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, 400, "error.request.rejected");
            } else {
                response.sendError(400);
            }
        };
    }

    @Bean
    SessionRevocationFilter sessionRevocationFilter(PersonRepository people, java.time.Clock clock) {
        return new SessionRevocationFilter(people, clock);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<SessionRevocationFilter> sessionRevocationRegistration(
            SessionRevocationFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer, ProblemResponses problems,
            AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> { })
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/auth/token", "/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "error.auth.required"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "error.auth.forbidden")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * The public pages: anyone may read them, and reading them creates no server session (1,000 anonymous views
     * used to leave 1,000 sessions). The CSRF token of their one form (a report from the public) travels in a cookie
     * instead of a session; a session a logged-in person already has is still read, so the layout knows them.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/public", "/public/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.csrfTokenRepository(new org.springframework.security.web.csrf.CookieCsrfTokenRepository()))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        browserHeaders(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, BearerTokenFilter bearer, AuthenticationManager authenticationManager,
            AuditTrail audit, PasswordChangeRequiredFilter passwordChange, SessionRevocationFilter revocation)
            throws Exception {
        LogoutHandler auditLogout = (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof CapgovUser user) {
                audit.record(new AuditEvent(AuditAction.LOGOUT, "person", Long.toString(user.id()),
                        user.homeRegionPath(), null, null, null));
            }
        };
        http.authenticationManager(authenticationManager)
                .addFilterAfter(revocation, org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(passwordChange, org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((req, res, ex) -> res.sendRedirect(
                                req.getContextPath() + (ex instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").addLogoutHandler(auditLogout).logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        browserHeaders(http);
        return http.build();
    }

    private static void browserHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny())
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()")));
    }
}

package org.gridvault.web;

import jakarta.servlet.http.HttpServletResponse;
import org.gridvault.accounts.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Security for the browser pages (everything outside {@code /api}, {@code /actuator} and {@code /error}, which the
 * API's chain covers): the session cookie is the only credential, nothing is kept in an HTTP session (so no
 * {@code JSESSIONID}), and a page that needs a person sends the browser to the log-in page.
 *
 * <p>Requests that change something must come from htmx ({@link HtmxOnlyChanges}); see ADR 18 for why that, with
 * the SameSite=Lax cookie, stands in for CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    @Order(200)
    SecurityFilterChain pageSecurity(HttpSecurity http, Authentication authentication) throws Exception {
        http.securityMatcher("/**")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SessionCookieAuthentication(authentication), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new HtmxOnlyChanges(), SessionCookieAuthentication.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Redirect", "/login");
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        response.sendRedirect("/login");
                    }
                }))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/", "/login", "/signup", "/css/**", "/js/**", "/webjars/**", "/favicon.svg")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }
}

package org.gridvault.accounts.web;

import org.gridvault.accounts.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security for everything a person reaches: the REST API, its documentation and the operations endpoints.
 *
 * <p>Stateless: every request carries its token (header or session cookie), nothing is kept in an HTTP session.
 * CSRF tokens are not used for the API: the only ambient credential is the SameSite=Lax session cookie, which
 * browsers do not attach to cross-site POST, PUT, PATCH or DELETE requests. Other modules that need another scheme
 * (devices authenticating with their secret) add their own filter chain for their own paths.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(100)
    SecurityFilterChain apiSecurity(HttpSecurity http, Authentication authentication, JsonMapper json)
            throws Exception {
        var problems = new ProblemResponses(json);
        http.securityMatcher("/api/**", "/actuator/**", "/error")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(authentication), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.POST, "/api/v1/accounts", "/api/v1/sessions")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/privacy/notice", "/api/v1/privacy/notices")
                        .permitAll()
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/error")
                        .permitAll()
                        .requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**", "/actuator/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .authenticated());
        return http.build();
    }
}

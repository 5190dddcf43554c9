package org.gridvault.ingest.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Devices do not log in like people: the telemetry endpoint checks the device's serial and secret itself, so people's
 * security (tokens, cookies) does not apply to it.
 */
@Configuration(proxyBeanMethods = false)
class DeviceEndpointSecurity {

    @Bean
    @Order(50)
    SecurityFilterChain deviceTelemetrySecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/devices/*/telemetry")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}

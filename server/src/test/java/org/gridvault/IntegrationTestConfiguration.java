package org.gridvault;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/** What every {@link IntegrationTest} adds to the application: a clock tests can move, and an HTTP client for it. */
@TestConfiguration(proxyBeanMethods = false)
class IntegrationTestConfiguration {

    /** Replaces the application's system clock; starts at the real time so stored timestamps look ordinary. */
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }

    /** Lazy: the random port is known only once the web server has started, after the singletons are created. */
    @Bean
    @Lazy
    ApiClient apiClient(Environment environment) {
        return new ApiClient(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}

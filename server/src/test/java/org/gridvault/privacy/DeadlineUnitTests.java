package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Deadlines are calendar arithmetic on the profiles configured in application.yml (P32). */
class DeadlineUnitTests {

    private final RequestProperties properties = configured();

    @Test
    void oneCalendarMonthEndsAtTheEndOfAShorterMonth() {
        var eu = properties.jurisdictions().get("eu").deadline();

        assertThat(PrivacyRequests.plus(Instant.parse("2027-01-31T12:00:00Z"), eu))
                .isEqualTo("2027-02-28T12:00:00Z");
        assertThat(PrivacyRequests.plus(Instant.parse("2028-01-31T12:00:00Z"), eu))
                .as("leap year")
                .isEqualTo("2028-02-29T12:00:00Z");
        assertThat(PrivacyRequests.plus(Instant.parse("2028-02-29T12:00:00Z"), eu))
                .isEqualTo("2028-03-29T12:00:00Z");
        assertThat(PrivacyRequests.plus(Instant.parse("2027-03-31T23:59:59Z"), eu))
                .isEqualTo("2027-04-30T23:59:59Z");
        assertThat(PrivacyRequests.plus(Instant.parse("2027-12-31T00:00:00Z"), eu))
                .isEqualTo("2028-01-31T00:00:00Z");
    }

    @Test
    void profilesComeFromConfiguration() {
        assertThat(properties.defaultJurisdiction()).isEqualTo("eu");
        assertThat(properties.jurisdictions().get("eu").extension()).isEqualTo(Period.ofMonths(2));
        assertThat(properties.jurisdictions().get("cn").deadline()).isEqualTo(Period.ofDays(15));
        assertThat(properties.jurisdictions().get("cn").extension()).isEqualTo(Period.ofDays(45));
        assertThat(properties.jurisdictions().get("sg").deadline()).isEqualTo(Period.ofDays(30));
        assertThat(properties.jurisdictions().get("sg").extension()).isNull();
        var received = Instant.parse("2027-02-20T08:00:00Z");
        assertThat(PrivacyRequests.plus(
                        received, properties.jurisdictions().get("cn").deadline()))
                .isEqualTo("2027-03-07T08:00:00Z");
        assertThat(PrivacyRequests.plus(
                        PrivacyRequests.plus(
                                received, properties.jurisdictions().get("cn").deadline()),
                        properties.jurisdictions().get("cn").extension()))
                .as("15 days, extended by 45")
                .isEqualTo("2027-04-21T08:00:00Z");
        assertThat(PrivacyRequests.plus(
                        received, properties.jurisdictions().get("sg").deadline()))
                .isEqualTo("2027-03-22T08:00:00Z");
    }

    private static RequestProperties configured() {
        try {
            var environment = new StandardEnvironment();
            new YamlPropertySourceLoader()
                    .load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment)
                    .bind("gridvault.privacy.requests", RequestProperties.class)
                    .get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

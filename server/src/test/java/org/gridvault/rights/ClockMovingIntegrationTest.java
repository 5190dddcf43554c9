package org.gridvault.rights;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.gridvault.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} in a context (and database) of its own, shared by the tests that move the clock by
 * weeks or months (deadlines, grace periods): other tests in the common context assume the clock stays within days
 * of the time it started (a notice's re-consent grace period, for one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@TestPropertySource(properties = "gridvault.rights.cancellation-grace=7d")
@interface ClockMovingIntegrationTest {}

package org.gridvault;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * The whole application on a random port, over a real (throwaway) PostgreSQL, with a {@link MutableClock} and an
 * {@link ApiClient}. Test constructors receive beans directly:
 *
 * <pre>{@code
 * @IntegrationTest
 * class SignUpIntegrationTests {
 *     private final ApiClient api;
 *
 *     SignUpIntegrationTests(ApiClient api) {
 *         this.api = api;
 *     }
 * }
 * }</pre>
 *
 * <p>Every test class with this annotation and nothing else runs in the same cached context and database, so tests
 * create their own data (unique e-mail addresses) and never assume an empty database. Adding other context
 * configuration to a test class starts a second context, which costs seconds.
 *
 * <p>{@link ApiClient#OPERATOR_EMAIL} is a platform operator; {@link ApiClient#operatorToken()} logs them in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gridvault.data-dir=target/integration-tests",
            "gridvault.accounts.operators=" + ApiClient.OPERATOR_EMAIL,
            // Tests move the shared clock by days and months: retention runs only where a test asks for it.
            "gridvault.retention.enabled=false"
        })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(IntegrationTestConfiguration.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface IntegrationTest {}

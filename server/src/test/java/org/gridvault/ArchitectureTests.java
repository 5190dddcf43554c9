package org.gridvault;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.gridvault.devices.DeviceRegistry;
import org.gridvault.privacy.HoldsPersonalData;
import org.gridvault.privacy.PrivacyDecisions;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.sites.SiteAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** House rules for the main code that the compiler cannot check. */
// The server's own classes: the fleet simulator arrives as a library jar and keeps its own rules.
@AnalyzeClasses(
        packages = "org.gridvault",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTests {

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .orShould()
            .beAnnotatedWith(Value.class)
            .orShould()
            .beAnnotatedWith("jakarta.inject.Inject")
            .orShould()
            .beAnnotatedWith("javax.inject.Inject")
            .orShould()
            .beAnnotatedWith("jakarta.annotation.Resource")
            .because("dependencies come in through the constructor, so a class cannot exist without them and tests"
                    + " can build it by hand");

    @ArchTest
    static final ArchRule noWallClockReads = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(GridVaultApplication.class.getName())
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now", ZoneId.class)
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now", ZoneId.class)
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now", ZoneId.class)
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now", ZoneId.class)
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(Clock.class, "system", ZoneId.class)
            .orShould()
            .callConstructor(Date.class)
            .because("the current time comes from the Clock bean (defined in GridVaultApplication), so tests can"
                    + " move time instead of waiting for it");

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes()
            .that()
            .areAnnotatedWith(Repository.class)
            .should()
            .notBePublic()
            .because("a module's tables are its own: other modules go through its services");

    @ArchTest
    static final ArchRule rowTypesAreNotPublic = classes()
            .that()
            .haveSimpleNameEndingWith("Row")
            .should()
            .notBePublic()
            .because("row types mirror a module's tables, which no other module may depend on");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should()
            .notBePublic()
            .because("controllers are reached over HTTP only; nothing calls them in Java");

    @ArchTest
    static final ArchRule noVagueClassNames = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .because("a class is named for what it does; these suffixes collect unrelated code");

    @ArchTest
    static final ArchRule personalDataIsReadOnlyThroughTheDecisionPoint = classes()
            .that(readPersonalData())
            .and()
            .areNotAnnotatedWith(HoldsPersonalData.class)
            .and()
            .areNotAnnotatedWith(WithoutDisclosure.class)
            .and()
            .areNotNestedClasses()
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(PrivacyDecisions.class, SiteAccess.class, DeviceRegistry.class)
            .because("every read of one person's data by anyone else goes through the privacy decision point "
                    + "(directly, or through SiteAccess and DeviceRegistry, which consult it); a class that reads "
                    + "personal data without it must say why with @WithoutDisclosure");

    private static DescribedPredicate<JavaClass> readPersonalData() {
        return DescribedPredicate.describe(
                "read a @HoldsPersonalData repository",
                type -> type.getDirectDependenciesFromSelf().stream()
                        .anyMatch(dependency -> dependency.getTargetClass().isAnnotatedWith(HoldsPersonalData.class)));
    }
}

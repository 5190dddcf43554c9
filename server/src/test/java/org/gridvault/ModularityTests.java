package org.gridvault;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module structure declared in each {@code package-info.java} true, and draws it. */
class ModularityTests {

    /** The fleet simulator is a library of its own (the demo uses it), not a module of the server. */
    private final ApplicationModules modules = ApplicationModules.of(
            GridVaultApplication.class, JavaClass.Predicates.resideInAPackage("org.gridvault.simulator.."));

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}

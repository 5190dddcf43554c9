package org.gridvault.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a class reads personal-data repositories without consulting the decision point, and why that
 * discloses nothing: it serves only the person's own data, or hands no person's data to anyone else (a credential
 * check, an id lookup). Reviewers read the reason; {@code ArchitectureTests} requires it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithoutDisclosure {

    /** Why no one but the person receives their data through this class. */
    String value();
}

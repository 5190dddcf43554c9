package org.gridvault.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository whose rows are personal data. {@code ArchitectureTests} checks that only classes that consult the
 * decision point (or say, with {@link WithoutDisclosure}, why they need not) read from it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HoldsPersonalData {}

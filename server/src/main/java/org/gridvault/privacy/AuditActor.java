package org.gridvault.privacy;

import java.util.regex.Pattern;

/**
 * Who performed an audited operation: a person (stored only as their pseudonymous reference), a part of the platform
 * acting on its own (a scheduled job, a command), or nobody known (a log-in attempt before anyone has proven who
 * they are).
 */
public sealed interface AuditActor {

    /** A person, by the subject id of their account; the audit log stores their pseudonym, never the id. */
    record Person(SubjectId subject) implements AuditActor {}

    /** The platform itself, such as {@code retention} or {@code erasure}; stored as {@code system:<name>}. */
    record Internal(String name) implements AuditActor {

        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

        public Internal {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("A system actor is named with 1 to 40 of [a-z0-9-]: " + name);
            }
        }
    }

    /** Someone not (yet) authenticated. */
    record Anonymous() implements AuditActor {}

    static AuditActor person(SubjectId subject) {
        return new Person(subject);
    }

    static AuditActor system(String name) {
        return new Internal(name);
    }

    static AuditActor anonymous() {
        return new Anonymous();
    }
}

package org.gridvault.privacy;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A sensitive operation to write to the {@link AuditLog}: what happened ({@code action}), who did it, whose data it
 * concerns, which thing it touched, and a few non-personal details. The log adds the time and the chain.
 *
 * <pre>{@code
 * var person = caller.id().subject();
 * audit.record(AuditEntry.byPerson(person, "accounts.token.created").about(person).on("token", tokenId));
 * }</pre>
 *
 * <p>Rules that keep the log free of contact data, checked here: an action is a stable dotted name
 * ({@code <module>.<thing>.<past-tense verb>}, such as {@code sites.grant.revoked}); a resource is
 * {@code <kind>:<id>} of a thing (a site, a device, a token), never of a person; details are at most
 * {@value #MAX_DETAILS} short values; and nothing may look like an e-mail address. People appear only as
 * {@link SubjectId}s, which the log turns into pseudonyms.
 *
 * @param action what happened, for example {@code accounts.login.failed}
 * @param actor who did it
 * @param subject the person the operation is about (whose account, access or data changed), if any
 * @param resource the thing it touched, such as {@code site:6f1c…}, if any
 * @param details non-personal facts, such as {@code role=installer}
 */
public record AuditEntry(
        String action,
        AuditActor actor,
        @Nullable SubjectId subject,
        @Nullable String resource,
        Map<String, String> details) {

    static final int MAX_DETAILS = 16;
    private static final int MAX_LENGTH = 200;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){2,}");
    private static final Pattern RESOURCE = Pattern.compile("[a-z][a-z0-9-]*:[^\\s]+");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final Pattern EMAIL_LIKE = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public AuditEntry {
        if (!ACTION.matcher(action).matches() || action.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Actions are dotted names such as sites.grant.revoked: " + action);
        }
        if (resource != null) {
            requireNoContactData("resource", resource);
            if (!RESOURCE.matcher(resource).matches()) {
                throw new IllegalArgumentException("A resource is <kind>:<id>, such as site:<uuid>: " + resource);
            }
        }
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("At most " + MAX_DETAILS + " details, not " + details.size());
        }
        details.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Detail names are camelCase letters and digits: " + key);
            }
            requireNoContactData(key, value);
        });
        details = Map.copyOf(details);
    }

    /** An operation by a person, who is stored as their pseudonym. */
    public static AuditEntry byPerson(SubjectId person, String action) {
        return new AuditEntry(action, AuditActor.person(person), null, null, Map.of());
    }

    /** An operation by the platform itself, such as {@code bySystem("retention", "privacy.retention.applied")}. */
    public static AuditEntry bySystem(String name, String action) {
        return new AuditEntry(action, AuditActor.system(name), null, null, Map.of());
    }

    /** An operation by someone not authenticated, such as a failed log-in. */
    public static AuditEntry anonymous(String action) {
        return new AuditEntry(action, AuditActor.anonymous(), null, null, Map.of());
    }

    /** The same entry about {@code subject}: the person whose account, access or data the operation concerns. */
    public AuditEntry about(@Nullable SubjectId subject) {
        return new AuditEntry(action, actor, subject, resource, details);
    }

    /** The same entry touching the thing {@code kind:id}, such as {@code on("site", siteId)}. */
    public AuditEntry on(String kind, Object id) {
        return new AuditEntry(action, actor, subject, kind + ":" + id, details);
    }

    /** The same entry with one more detail; the value is stored as its {@code String.valueOf}. */
    public AuditEntry with(String key, Object value) {
        var more = new HashMap<>(details);
        more.put(key, String.valueOf(value));
        return new AuditEntry(action, actor, subject, resource, more);
    }

    private static void requireNoContactData(String name, String value) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_LENGTH + " characters");
        }
        if (EMAIL_LIKE.matcher(value).find()) {
            throw new IllegalArgumentException(
                    name + " looks like an e-mail address; audit entries hold no contact data");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " contains control characters");
        }
    }
}

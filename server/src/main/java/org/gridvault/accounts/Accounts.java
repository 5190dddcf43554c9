package org.gridvault.accounts;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gridvault.privacy.AuditEntry;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.CorrectionNotices;
import org.gridvault.privacy.Notices;
import org.gridvault.privacy.SubjectId;
import org.gridvault.privacy.WithoutDisclosure;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens accounts and keeps them: profile, preferences and password.
 *
 * <p>E-mail addresses are compared case-insensitively: they are stored trimmed and in lower case.
 */
@WithoutDisclosure(
        "The person's own account; lookups by e-mail give other modules only the id and the person's own profile")
@Service
public class Accounts {

    private final People people;
    private final AccessTokens tokens;
    private final Passwords passwords;
    private final Notices notices;
    private final AccountsProperties properties;
    private final AuditLog audit;
    private final CorrectionNotices corrections;
    private final Clock clock;

    Accounts(
            People people,
            AccessTokens tokens,
            Passwords passwords,
            Notices notices,
            AccountsProperties properties,
            AuditLog audit,
            CorrectionNotices corrections,
            Clock clock) {
        this.people = people;
        this.tokens = tokens;
        this.passwords = passwords;
        this.notices = notices;
        this.properties = properties;
        this.audit = audit;
        this.corrections = corrections;
        this.clock = clock;
    }

    @Transactional
    public Person signUp(SignUp request) {
        var email = normalise(request.email());
        passwords.requireAcceptable(request.password(), email);
        var person = new Person(
                PersonId.random(),
                email,
                requireDisplayName(request.displayName()),
                request.language() == null ? properties.defaultLanguage() : requireLanguage(request.language()),
                request.timeZone() == null ? "UTC" : requireTimeZone(request.timeZone()),
                clock.instant());
        notices.recordAcceptance(new SubjectId(person.id().value()), request.noticeVersion(), "sign-up");
        if (!people.insert(person, passwords.hash(request.password()))) {
            throw ApiProblem.conflict(
                            "accounts:email.taken",
                            "An account with this e-mail address exists. Log in with POST /api/v1/sessions instead.")
                    .with("field", "email");
        }
        audit.record(AuditEntry.byPerson(person.id().subject(), "accounts.account.created")
                .about(person.id().subject()));
        return person;
    }

    public Person person(PersonId id) {
        return people.findById(id).map(People.PersonRow::person).orElseThrow(() -> notFound(id));
    }

    /** The account, if it exists (it does not once erased). */
    public Optional<Person> findById(PersonId id) {
        return people.findById(id).map(People.PersonRow::person);
    }

    /** Finds an account by e-mail address, for invitations; case and surrounding spaces do not matter. */
    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(normalise(email)).map(People.PersonRow::person);
    }

    @Transactional
    public Person updateProfile(PersonId id, ProfileChange change) {
        var current = person(id);
        people.updateProfile(
                id,
                change.displayName() == null ? current.displayName() : requireDisplayName(change.displayName()),
                change.language() == null ? current.language() : requireLanguage(change.language()),
                change.timeZone() == null ? current.timeZone() : requireTimeZone(change.timeZone()));
        var updated = person(id);
        corrections.corrected(id.subject(), correctedCategories(current, updated), null);
        return updated;
    }

    /**
     * Changes the password after checking the current one, and revokes every other session and access token of
     * the person: whoever knew the old password is logged out everywhere but here.
     */
    @Transactional
    public void changePassword(AuthenticatedPerson caller, String currentPassword, String newPassword) {
        var row = people.findById(caller.id()).orElseThrow(() -> notFound(caller.id()));
        if (!passwords.matches(currentPassword, row.passwordHash())) {
            throw ApiProblem.unprocessable(
                            "accounts:password.current-wrong", "The current password is not right. Enter it again.")
                    .with("field", "currentPassword");
        }
        passwords.requireAcceptable(newPassword, row.person().email());
        var now = clock.instant();
        people.updatePassword(caller.id(), passwords.hash(newPassword), now);
        tokens.revokeAllExcept(caller.id(), caller.tokenId(), now);
        audit.record(AuditEntry.byPerson(caller.id().subject(), "accounts.password.changed")
                .about(caller.id().subject()));
    }

    /** The catalog categories (accounts.yaml) of the profile fields that changed, for correction notices. */
    private static Set<String> correctedCategories(Person before, Person after) {
        var categories = new HashSet<String>();
        if (!before.displayName().equals(after.displayName())) {
            categories.add("contact.name");
        }
        if (!before.language().equals(after.language()) || !before.timeZone().equals(after.timeZone())) {
            categories.add("account.preferences");
        }
        return categories;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private String requireLanguage(String language) {
        if (!properties.languages().contains(language)) {
            throw ApiProblem.unprocessable(
                            "accounts:language.unsupported",
                            "Language '%s' is not offered. Choose one of %s."
                                    .formatted(language, properties.languages()))
                    .with("field", "language");
        }
        return language;
    }

    private static String requireTimeZone(String timeZone) {
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw ApiProblem.unprocessable(
                            "accounts:time-zone.invalid",
                            "'%s' is not an IANA time zone. Use a name such as Europe/Berlin or Asia/Singapore."
                                    .formatted(timeZone))
                    .with("field", "timeZone");
        }
        return timeZone;
    }

    private static String requireDisplayName(@Nullable String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw ApiProblem.unprocessable(
                            "accounts:display-name.invalid", "Give a display name of 1 to 100 characters.")
                    .with("field", "displayName");
        }
        return displayName.strip();
    }

    private static ApiProblem notFound(PersonId id) {
        return ApiProblem.notFound("accounts:person.not-found", "No account " + id + ".");
    }
}

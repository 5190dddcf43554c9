package org.gridvault.accounts;

import org.gridvault.privacy.FieldBinding;
import org.gridvault.privacy.PersonKeys;
import org.gridvault.privacy.Pseudonyms;
import org.gridvault.privacy.SubjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The identifying fields of an account as they are stored: the e-mail address and the display name encrypted with
 * the person's own key, each bound to its column and row, and a keyed lookup hash of the e-mail address by which
 * the account is found. Once the person's key is destroyed, both fields read as {@link #ERASED}.
 */
@Component
class PersonalFields {

    /** What an e-mail address or display name reads as once the person's key has been destroyed. */
    static final String ERASED = "(erased)";

    private static final String EMAIL = "accounts.people.email_ciphertext";
    private static final String DISPLAY_NAME = "accounts.people.display_name_ciphertext";

    private final PersonKeys keys;
    private final Pseudonyms pseudonyms;

    PersonalFields(PersonKeys keys, Pseudonyms pseudonyms) {
        this.keys = keys;
        this.pseudonyms = pseudonyms;
    }

    /** The lookup hash of a normalised e-mail address (see {@link Accounts#normalise}). */
    byte[] emailLookup(String normalisedEmail) {
        return pseudonyms.lookupHash("email", normalisedEmail);
    }

    byte[] encryptEmail(PersonId person, String email) {
        return keys.encrypt(subject(person), email, FieldBinding.of(EMAIL, person));
    }

    byte[] encryptDisplayName(PersonId person, String displayName) {
        return keys.encrypt(subject(person), displayName, FieldBinding.of(DISPLAY_NAME, person));
    }

    String email(PersonId person, byte @Nullable [] ciphertext) {
        return keys.decrypt(subject(person), ciphertext, FieldBinding.of(EMAIL, person))
                .orElse(ERASED);
    }

    String displayName(PersonId person, byte @Nullable [] ciphertext) {
        return keys.decrypt(subject(person), ciphertext, FieldBinding.of(DISPLAY_NAME, person))
                .orElse(ERASED);
    }

    private static SubjectId subject(PersonId person) {
        return new SubjectId(person.value());
    }
}

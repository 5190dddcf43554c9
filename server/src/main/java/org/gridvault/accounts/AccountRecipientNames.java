package org.gridvault.accounts;

import java.util.Optional;
import java.util.UUID;
import org.gridvault.privacy.RecipientNames;
import org.gridvault.privacy.WithoutDisclosure;
import org.springframework.stereotype.Component;

/** Lets a person's disclosure list say who received their data, by display name and organisation name. */
@WithoutDisclosure("Names recipients in the subject's own disclosure list: the subject sees who received their data")
@Component
class AccountRecipientNames implements RecipientNames {

    private final People people;
    private final Organisations organisations;

    AccountRecipientNames(People people, Organisations organisations) {
        this.people = people;
        this.organisations = organisations;
    }

    @Override
    public Optional<String> personName(UUID personId) {
        return people.findById(new PersonId(personId)).map(row -> row.person().displayName());
    }

    @Override
    public Optional<String> organisationName(UUID organisationId) {
        return organisations.findById(new OrganisationId(organisationId)).map(Organisation::name);
    }
}

package org.gridvault.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.accounts.OrganisationId;
import org.gridvault.accounts.PersonId;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.FieldBinding;
import org.gridvault.privacy.HoldsPersonalData;
import org.gridvault.privacy.PersonKeys;
import org.gridvault.privacy.Pseudonyms;
import org.gridvault.privacy.SubjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored grants. An invitee's e-mail address is stored encrypted with the key of the owner who invited them (the
 * invitee may have no account, and so no key, yet), with a lookup hash by which their pending invitations are found.
 */
@Repository
@HoldsPersonalData
class Grants {

    private static final String INVITEE_EMAIL = "sites.grants.invitee_email_ciphertext";

    private final JdbcClient jdbc;
    private final PersonKeys keys;
    private final Pseudonyms pseudonyms;

    Grants(JdbcClient jdbc, PersonKeys keys, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.pseudonyms = pseudonyms;
    }

    /** Inserts the grant; false when an equivalent grant (same owner, organisation or invitee) is already live. */
    boolean insert(Grant grant, PersonId grantedBy) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", grant.id());
        values.put("site", grant.siteId().value());
        values.put("role", grant.role().wireName());
        values.put("status", grant.status().wireName());
        values.put("person", grant.personId() == null ? null : grant.personId().value());
        values.put(
                "organisation",
                grant.organisationId() == null ? null : grant.organisationId().value());
        var invitee = grant.inviteeEmail();
        values.put("inviteeLookup", invitee == null ? null : inviteeLookup(invitee));
        values.put(
                "invitee",
                invitee == null
                        ? null
                        : keys.encrypt(subject(grantedBy), invitee, FieldBinding.of(INVITEE_EMAIL, grant.id())));
        values.put("expires", Timestamps.of(grant.expiresAt()));
        values.put("grantedBy", grantedBy.value());
        values.put("created", Timestamps.of(grant.createdAt()));
        values.put("accepted", Timestamps.of(grant.acceptedAt()));
        try {
            jdbc.sql("""
                            insert into sites.grants (id, site_id, role, status, person_id, organisation_id,
                                invitee_email_lookup, invitee_email_ciphertext, expires_at, granted_by, created_at,
                                accepted_at)
                            values (:id, :site, :role, :status, :person, :organisation, :inviteeLookup, :invitee,
                                :expires, :grantedBy, :created, :accepted)
                            """).params(values).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Grant> findById(UUID id) {
        return jdbc.sql("select * from sites.grants where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<Grant> ofSite(SiteId site) {
        return jdbc.sql("select * from sites.grants where site_id = :site order by created_at, id")
                .param("site", site.value())
                .query(this::map)
                .list();
    }

    /**
     * The effective grants through which a person reaches sites: their own (owner, viewer) and those of the
     * installer organisations they belong to. Optionally limited to one site.
     */
    List<Grant> effectiveFor(
            PersonId person, Collection<UUID> installerOrganisations, @Nullable SiteId site, Instant now) {
        var organisations = installerOrganisations.isEmpty() ? List.of(new UUID(0, 0)) : installerOrganisations;
        return jdbc.sql("""
                        select * from sites.grants
                        where status = 'active' and (expires_at is null or expires_at > :now)
                          and (person_id = :person or (role = 'installer' and organisation_id in (:organisations)))
                          and (cast(:site as uuid) is null or site_id = :site)
                        """)
                .param("person", person.value())
                .param("organisations", organisations)
                .param("site", site == null ? null : site.value())
                .param("now", Timestamps.of(now))
                .query(this::map)
                .list();
    }

    /** The installer grants in force of an organisation, one per site. */
    List<Grant> ofOrganisation(OrganisationId organisation, Instant now) {
        return jdbc.sql("""
                        select * from sites.grants
                        where role = 'installer' and organisation_id = :organisation and status = 'active'
                          and (expires_at is null or expires_at > :now)
                        """)
                .param("organisation", organisation.value())
                .param("now", Timestamps.of(now))
                .query(this::map)
                .list();
    }

    /** Pending invitations to a normalised (trimmed, lower-case) e-mail address, found by its lookup hash. */
    List<Grant> pendingInvitationsFor(String email) {
        return jdbc.sql("""
                        select * from sites.grants where status = 'pending' and invitee_email_lookup = :lookup
                        order by created_at
                        """)
                .param("lookup", inviteeLookup(email))
                .query(this::map)
                .list();
    }

    /** Moves a grant from one status to another; false when it was not in {@code from} any more. */
    boolean transition(UUID id, GrantStatus from, GrantStatus to, @Nullable PersonId person, Instant now) {
        var ending = to == GrantStatus.REVOKED || to == GrantStatus.DECLINED;
        return jdbc.sql("""
                                update sites.grants set status = :to,
                                    person_id = coalesce(person_id, cast(:person as uuid)),
                                    accepted_at = case when :to = 'active' then cast(:now as timestamptz) else accepted_at end,
                                    ended_at = case when :ending then cast(:now as timestamptz) else ended_at end
                                where id = :id and status = :from
                                """)
                        .param("id", id)
                        .param("from", from.wireName())
                        .param("to", to.wireName())
                        .param("person", person == null ? null : person.value())
                        .param("ending", ending)
                        .param("now", Timestamps.of(now))
                        .update()
                == 1;
    }

    /** Ends the organisation's installer grants on the site whose expiry has passed, so a new one can be made. */
    void expire(SiteId site, OrganisationId organisation, Instant now) {
        jdbc.sql("""
                        update sites.grants set status = 'expired', ended_at = expires_at
                        where site_id = :site and organisation_id = :organisation and role = 'installer'
                          and status = 'active' and expires_at <= :now
                        """)
                .param("site", site.value())
                .param("organisation", organisation.value())
                .param("now", Timestamps.of(now))
                .update();
    }

    private byte[] inviteeLookup(String email) {
        return pseudonyms.lookupHash("email", email);
    }

    private static SubjectId subject(PersonId person) {
        return new SubjectId(person.value());
    }

    private Grant map(ResultSet row, int index) throws SQLException {
        var id = row.getObject("id", UUID.class);
        var person = row.getObject("person_id", UUID.class);
        var organisation = row.getObject("organisation_id", UUID.class);
        var inviter = new SubjectId(row.getObject("granted_by", UUID.class));
        return new Grant(
                id,
                new SiteId(row.getObject("site_id", UUID.class)),
                SiteRole.fromWireName(row.getString("role")),
                GrantStatus.fromWireName(row.getString("status")),
                person == null ? null : new PersonId(person),
                organisation == null ? null : new OrganisationId(organisation),
                keys.decrypt(inviter, row.getBytes("invitee_email_ciphertext"), FieldBinding.of(INVITEE_EMAIL, id))
                        .orElse(null),
                Timestamps.read(row, "expires_at"),
                Timestamps.readRequired(row, "created_at"),
                Timestamps.read(row, "accepted_at"),
                Timestamps.read(row, "ended_at"));
    }
}

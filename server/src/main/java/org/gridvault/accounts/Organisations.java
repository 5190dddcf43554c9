package org.gridvault.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.HoldsPersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored organisations and their memberships. */
@Repository
@HoldsPersonalData
class Organisations {

    private final JdbcClient jdbc;
    private final PersonalFields fields;

    Organisations(JdbcClient jdbc, PersonalFields fields) {
        this.jdbc = jdbc;
        this.fields = fields;
    }

    void insert(Organisation organisation) {
        jdbc.sql("insert into accounts.organisations (id, name, kind, created_at) values (:id, :name, :kind, :at)")
                .param("id", organisation.id().value())
                .param("name", organisation.name())
                .param("kind", organisation.kind().wireName())
                .param("at", Timestamps.of(organisation.createdAt()))
                .update();
    }

    Optional<Organisation> findById(OrganisationId id) {
        return jdbc.sql("select * from accounts.organisations where id = :id")
                .param("id", id.value())
                .query(Organisations::organisation)
                .optional();
    }

    /** Adds the member; false when the person already belongs to the organisation. */
    boolean addMember(OrganisationId organisation, PersonId person, OrganisationRole role, Instant now) {
        return jdbc.sql("""
                        insert into accounts.memberships (organisation_id, person_id, role, joined_at)
                        values (:org, :person, :role, :now) on conflict do nothing
                        """)
                        .param("org", organisation.value())
                        .param("person", person.value())
                        .param("role", role.wireName())
                        .param("now", Timestamps.of(now))
                        .update()
                == 1;
    }

    boolean removeMember(OrganisationId organisation, PersonId person) {
        return jdbc.sql("delete from accounts.memberships where organisation_id = :org and person_id = :person")
                        .param("org", organisation.value())
                        .param("person", person.value())
                        .update()
                == 1;
    }

    Optional<OrganisationRole> roleOf(OrganisationId organisation, PersonId person) {
        return jdbc.sql("select role from accounts.memberships where organisation_id = :org and person_id = :person")
                .param("org", organisation.value())
                .param("person", person.value())
                .query((row, i) -> OrganisationRole.fromWireName(row.getString("role")))
                .optional();
    }

    long countAdmins(OrganisationId organisation) {
        return jdbc.sql("select count(*) from accounts.memberships where organisation_id = :org and role = 'admin'")
                .param("org", organisation.value())
                .query(Long.class)
                .single();
    }

    List<Membership> membershipsOf(PersonId person) {
        return jdbc.sql("""
                        select o.*, m.role from accounts.memberships m
                        join accounts.organisations o on o.id = m.organisation_id
                        where m.person_id = :person order by o.name, o.id
                        """)
                .param("person", person.value())
                .query((row, i) ->
                        new Membership(organisation(row, i), OrganisationRole.fromWireName(row.getString("role"))))
                .list();
    }

    List<Member> members(OrganisationId organisation) {
        return jdbc.sql("""
                        select p.id, p.display_name_ciphertext, p.email_ciphertext, m.role, m.joined_at
                        from accounts.memberships m
                        join accounts.people p on p.id = m.person_id
                        where m.organisation_id = :org order by m.joined_at, p.id
                        """)
                .param("org", organisation.value())
                .query((row, i) -> {
                    var person = new PersonId(row.getObject("id", UUID.class));
                    return new Member(
                            person,
                            fields.displayName(person, row.getBytes("display_name_ciphertext")),
                            fields.email(person, row.getBytes("email_ciphertext")),
                            OrganisationRole.fromWireName(row.getString("role")),
                            Timestamps.readRequired(row, "joined_at"));
                })
                .list();
    }

    private static Organisation organisation(ResultSet row, int index) throws SQLException {
        return new Organisation(
                new OrganisationId(row.getObject("id", UUID.class)),
                row.getString("name"),
                OrganisationKind.fromWireName(row.getString("kind")),
                Timestamps.readRequired(row, "created_at"));
    }
}

package org.gridvault.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.gridvault.privacy.HoldsPersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored bearer credentials (sessions and personal access tokens), by hash. */
@Repository
@HoldsPersonalData
class AccessTokens {

    enum Kind {
        session,
        personal
    }

    /** What a presented, valid credential resolves to, with the lookup hash of the person's e-mail address. */
    record ActiveToken(
            UUID id,
            PersonId personId,
            byte[] emailLookup,
            @Nullable Instant lastUsedAt) {}

    private final JdbcClient jdbc;

    AccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(
            PersonId person, Kind kind, @Nullable String name, byte[] hash, Instant now, @Nullable Instant expiresAt) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into accounts.access_tokens (id, person_id, kind, name, token_hash, created_at, expires_at)
                        values (:id, :person, :kind, :name, :hash, :now, :expires)
                        """)
                .param("id", id)
                .param("person", person.value())
                .param("kind", kind.name())
                .param("name", name)
                .param("hash", hash)
                .param("now", Timestamps.of(now))
                .param("expires", Timestamps.of(expiresAt))
                .update();
        return id;
    }

    Optional<ActiveToken> findActive(byte[] hash, Instant now) {
        return jdbc.sql("""
                        select t.id, t.person_id, p.email_lookup, t.last_used_at
                        from accounts.access_tokens t join accounts.people p on p.id = t.person_id
                        where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)
                        """)
                .param("hash", hash)
                .param("now", Timestamps.of(now))
                .query((row, i) -> new ActiveToken(
                        row.getObject("id", UUID.class),
                        new PersonId(row.getObject("person_id", UUID.class)),
                        row.getBytes("email_lookup"),
                        Timestamps.read(row, "last_used_at")))
                .optional();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update accounts.access_tokens set last_used_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamps.of(now))
                .update();
    }

    List<AccessToken> activePersonalTokens(PersonId person, Instant now) {
        return jdbc.sql("""
                        select id, name, created_at, expires_at, last_used_at from accounts.access_tokens
                        where person_id = :person and kind = 'personal' and revoked_at is null
                          and (expires_at is null or expires_at > :now)
                        order by created_at desc
                        """)
                .param("person", person.value())
                .param("now", Timestamps.of(now))
                .query((row, i) -> new AccessToken(
                        row.getObject("id", UUID.class),
                        row.getString("name"),
                        Timestamps.readRequired(row, "created_at"),
                        Timestamps.read(row, "expires_at"),
                        Timestamps.read(row, "last_used_at")))
                .list();
    }

    boolean hasActivePersonalToken(PersonId person, String name, Instant now) {
        return jdbc.sql("""
                        select count(*) from accounts.access_tokens
                        where person_id = :person and kind = 'personal' and name = :name and revoked_at is null
                          and (expires_at is null or expires_at > :now)
                        """)
                        .param("person", person.value())
                        .param("name", name)
                        .param("now", Timestamps.of(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Revokes one token of the person; false when there is no such active token. */
    boolean revoke(PersonId person, UUID id, Kind kind, Instant now) {
        return jdbc.sql("""
                        update accounts.access_tokens set revoked_at = :now
                        where id = :id and person_id = :person and kind = :kind and revoked_at is null
                        """)
                        .param("id", id)
                        .param("person", person.value())
                        .param("kind", kind.name())
                        .param("now", Timestamps.of(now))
                        .update()
                == 1;
    }

    /** Revokes every credential of the person except one (the one in use), returning how many were revoked. */
    int revokeAllExcept(PersonId person, UUID keep, Instant now) {
        return jdbc.sql("""
                        update accounts.access_tokens set revoked_at = :now
                        where person_id = :person and id <> :keep and revoked_at is null
                        """)
                .param("person", person.value())
                .param("keep", keep)
                .param("now", Timestamps.of(now))
                .update();
    }
}

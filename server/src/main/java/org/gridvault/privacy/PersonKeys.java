package org.gridvault.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.gridvault.database.Timestamps;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Encrypts a person's data with a key of their own (AES-256-GCM), so that destroying that key erases the data
 * everywhere, backups included. Each ciphertext is bound to its column and row ({@link FieldBinding}).
 *
 * <pre>{@code
 * byte[] stored = keys.encrypt(subject, "alice@example.org", FieldBinding.of("accounts.people.email_ciphertext", id));
 * String email = keys.decrypt(subject, stored, FieldBinding.of("accounts.people.email_ciphertext", id)).orElseThrow();
 * }</pre>
 *
 * <p>Keysets are created on first use, stored wrapped by the key-encryption key, and cached unwrapped in memory.
 * Thread-safe.
 */
@Service
public class PersonKeys {

    static final byte[] WRAPPING_CONTEXT = "gridvault person keyset".getBytes(StandardCharsets.UTF_8);

    private final JdbcClient jdbc;
    private final MasterKeys masterKeys;
    private final Clock clock;
    private final Map<UUID, Aead> unwrapped = new ConcurrentHashMap<>();

    PersonKeys(JdbcClient jdbc, MasterKeys masterKeys, Clock clock) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /**
     * Encrypts with the person's key, creating it on first use. Text with NUL characters is refused with a 400, as
     * PostgreSQL refuses it in a text column: a field behaves the same to callers whether it is stored encrypted or
     * not.
     */
    public byte[] encrypt(SubjectId subject, String plaintext, FieldBinding binding) {
        if (plaintext.indexOf('\0') >= 0) {
            throw ApiProblem.badRequest(
                    "request:value.unsupported",
                    "A value in the request cannot be stored: text must not contain NUL characters.");
        }
        try {
            return aead(subject, true)
                    .orElseThrow()
                    .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt " + binding.column(), e);
        }
    }

    /** The plaintext, or empty when the person's key was destroyed (or the ciphertext belongs elsewhere). */
    public Optional<String> decrypt(SubjectId subject, byte @Nullable [] ciphertext, FieldBinding binding) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        var aead = aead(subject, false);
        if (aead.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new String(aead.get().decrypt(ciphertext, binding.associatedData()), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Destroys the person's key: everything encrypted with it becomes unreadable for good. */
    public void destroy(SubjectId subject) {
        jdbc.sql("delete from privacy.person_keys where subject_id = :id")
                .param("id", subject.value())
                .update();
        unwrapped.remove(subject.value());
    }

    public boolean exists(SubjectId subject) {
        return aead(subject, false).isPresent();
    }

    private Optional<Aead> aead(SubjectId subject, boolean create) {
        var cached = unwrapped.get(subject.value());
        if (cached != null) {
            return Optional.of(cached);
        }
        var stored = jdbc.sql("select wrapped_keyset from privacy.person_keys where subject_id = :id")
                .param("id", subject.value())
                .query(byte[].class)
                .optional();
        try {
            if (stored.isEmpty()) {
                if (!create) {
                    return Optional.empty();
                }
                var handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                jdbc.sql("""
                                insert into privacy.person_keys (subject_id, wrapped_keyset, created_at)
                                values (:id, :keyset, :now) on conflict do nothing
                                """)
                        .param("id", subject.value())
                        .param(
                                "keyset",
                                TinkProtoKeysetFormat.serializeEncryptedKeyset(
                                        handle, masterKeys.keyEncryptionKey(), WRAPPING_CONTEXT))
                        .param("now", Timestamps.of(clock.instant()))
                        .update();
                forgetIfRolledBack(subject);
                return aead(subject, false);
            }
            var handle = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    stored.get(), masterKeys.keyEncryptionKey(), WRAPPING_CONTEXT);
            var aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            unwrapped.put(subject.value(), aead);
            return Optional.of(aead);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key of " + subject + " cannot be used", e);
        }
    }

    /**
     * A key made in a transaction that rolls back was never stored: it must not stay in the cache, or later data
     * would be encrypted with a key that exists nowhere else.
     */
    private void forgetIfRolledBack(SubjectId subject) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        unwrapped.remove(subject.value());
                    }
                }
            });
        }
    }
}

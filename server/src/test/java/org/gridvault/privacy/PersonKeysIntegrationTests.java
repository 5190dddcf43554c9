package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.gridvault.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class PersonKeysIntegrationTests {

    private static final String EMAIL = "accounts.people.email_ciphertext";

    private final PersonKeys keys;
    private final MasterKeys masterKeys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PersonKeysIntegrationTests(
            PersonKeys keys,
            MasterKeys masterKeys,
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.keys = keys;
        this.masterKeys = masterKeys;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Test
    void decryptsWhatItEncrypted() {
        var subject = newSubject();
        var binding = FieldBinding.of(EMAIL, subject);

        var ciphertext = keys.encrypt(subject, "alice@example.org", binding);

        assertThat(bytesAsText(ciphertext)).doesNotContain("alice");
        assertThat(keys.decrypt(subject, ciphertext, binding)).hasValue("alice@example.org");
    }

    @Test
    void doesNotDecryptACiphertextMovedToAnotherColumn() {
        var subject = newSubject();
        var ciphertext = keys.encrypt(subject, "alice@example.org", FieldBinding.of(EMAIL, subject));

        assertThat(keys.decrypt(
                        subject, ciphertext, FieldBinding.of("accounts.people.display_name_ciphertext", subject)))
                .isEmpty();
    }

    @Test
    void doesNotDecryptACiphertextMovedToAnotherRow() {
        var subject = newSubject();
        var ciphertext = keys.encrypt(subject, "alice@example.org", FieldBinding.of(EMAIL, subject));

        assertThat(keys.decrypt(subject, ciphertext, FieldBinding.of(EMAIL, UUID.randomUUID())))
                .isEmpty();
    }

    @Test
    void doesNotDecryptWithAnotherPersonsKey() {
        var subject = newSubject();
        var other = newSubject();
        keys.encrypt(other, "their own data", FieldBinding.of(EMAIL, other));
        var ciphertext = keys.encrypt(subject, "alice@example.org", FieldBinding.of(EMAIL, subject));

        assertThat(keys.decrypt(other, ciphertext, FieldBinding.of(EMAIL, subject)))
                .isEmpty();
    }

    @Test
    void decryptsNothingOnceTheKeyIsDestroyed() {
        var subject = newSubject();
        var binding = FieldBinding.of(EMAIL, subject);
        var ciphertext = keys.encrypt(subject, "alice@example.org", binding);

        keys.destroy(subject);

        assertThat(keys.decrypt(subject, ciphertext, binding)).isEmpty();
        assertThat(keys.exists(subject)).isFalse();
        assertThat(wrappedKeysetOf(subject)).isNull();
        var afterRestart = new PersonKeys(jdbc, masterKeys, clock);
        assertThat(afterRestart.decrypt(subject, ciphertext, binding)).isEmpty();
    }

    @Test
    void forgetsAKeyMadeInATransactionThatRolledBack() {
        var subject = newSubject();
        var binding = FieldBinding.of(EMAIL, subject);
        transaction.executeWithoutResult(status -> {
            keys.encrypt(subject, "never stored", binding);
            status.setRollbackOnly();
        });

        assertThat(keys.exists(subject)).isFalse();
        var ciphertext = keys.encrypt(subject, "alice@example.org", binding);
        var afterRestart = new PersonKeys(jdbc, masterKeys, clock);
        assertThat(afterRestart.decrypt(subject, ciphertext, binding)).hasValue("alice@example.org");
    }

    @Test
    void storesTheKeysetOnlyWrappedByTheKeyEncryptionKey(@TempDir Path directory) throws Exception {
        var subject = newSubject();
        var binding = FieldBinding.of(EMAIL, subject);
        var ciphertext = keys.encrypt(subject, "alice@example.org", binding);

        var wrapped = wrappedKeysetOf(subject);
        var handle = TinkProtoKeysetFormat.parseEncryptedKeyset(
                wrapped, masterKeys.keyEncryptionKey(), PersonKeys.WRAPPING_CONTEXT);
        var rawKey =
                ((AesGcmKey) handle.getPrimary().getKey()).getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());

        assertThat(rawKey).hasSize(32);
        assertThat(bytesAsText(wrapped)).doesNotContain(bytesAsText(rawKey));
        var anotherKeyFile = LocalKeyFile.openOrCreate(directory.resolve("other-keys.json"));
        var withAnotherKeyEncryptionKey = new PersonKeys(jdbc, anotherKeyFile, clock);
        assertThatThrownBy(() -> withAnotherKeyEncryptionKey.decrypt(subject, ciphertext, binding))
                .isInstanceOf(IllegalStateException.class);
    }

    private static SubjectId newSubject() {
        return new SubjectId(UUID.randomUUID());
    }

    /** One character per byte, so that a byte sequence is contained exactly when its text is. */
    private static String bytesAsText(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private byte[] wrappedKeysetOf(SubjectId subject) {
        return jdbc.sql("select wrapped_keyset from privacy.person_keys where subject_id = :id")
                .param("id", subject.value())
                .query(byte[].class)
                .optional()
                .orElse(null);
    }
}

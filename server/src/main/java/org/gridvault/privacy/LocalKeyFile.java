package org.gridvault.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform keys in a JSON file: created on first start (mode 600, in a directory of mode 700), read on every
 * later one. Two Tink keysets: AES-256-GCM (the key-encryption key) and HMAC-SHA256 PRF (pseudonyms).
 */
final class LocalKeyFile implements MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(LocalKeyFile.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    private record Stored(String keyEncryptionKey, String pseudonymKey) {}

    private final Aead keyEncryptionKey;
    private final Prf pseudonymKey;

    private LocalKeyFile(KeysetHandle kek, KeysetHandle prf) throws GeneralSecurityException {
        this.keyEncryptionKey = kek.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.pseudonymKey = prf.getPrimitive(RegistryConfiguration.get(), PrfSet.class)
                .getPrfs()
                .get(prf.getPrimitive(RegistryConfiguration.get(), PrfSet.class).getPrimaryId());
    }

    static LocalKeyFile openOrCreate(Path file) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            if (!Files.exists(file)) {
                create(file);
            }
            var stored = JSON.readValue(Files.readString(file), Stored.class);
            return new LocalKeyFile(
                    TinkJsonProtoKeysetFormat.parseKeyset(stored.keyEncryptionKey(), InsecureSecretKeyAccess.get()),
                    TinkJsonProtoKeysetFormat.parseKeyset(stored.pseudonymKey(), InsecureSecretKeyAccess.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key file " + file + " is not usable", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        var directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        trySetPermissions(directory, "rwx------");
        var stored = new Stored(
                TinkJsonProtoKeysetFormat.serializeKeyset(
                        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()),
                TinkJsonProtoKeysetFormat.serializeKeyset(
                        KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF),
                        InsecureSecretKeyAccess.get()));
        var temporary = Files.createTempFile(directory, "keys", ".tmp");
        trySetPermissions(temporary, "rw-------");
        Files.writeString(temporary, JSON.writeValueAsString(stored));
        try {
            Files.move(temporary, file);
            log.warn(
                    "Created the key file {}. Back it up apart from the database: encrypted personal data cannot be read without it.",
                    file);
        } catch (FileAlreadyExistsException raced) {
            Files.delete(temporary);
        }
    }

    private static void trySetPermissions(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    @Override
    public Aead keyEncryptionKey() {
        return keyEncryptionKey;
    }

    @Override
    public Prf pseudonymKey() {
        return pseudonymKey;
    }
}

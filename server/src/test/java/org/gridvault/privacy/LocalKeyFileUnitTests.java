package org.gridvault.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileUnitTests {

    @Test
    void createsTheKeyFileInTheDataDirectoryReadableByItsOwnerOnly(@TempDir Path dataDirectory) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var file = dataDirectory.resolve("keys/gridvault-keys.json");

        LocalKeyFile.openOrCreate(file);

        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void readsTheSameKeysOnTheNextStart(@TempDir Path dataDirectory) throws Exception {
        var file = dataDirectory.resolve("keys/gridvault-keys.json");
        var first = LocalKeyFile.openOrCreate(file);
        var context = "test".getBytes(StandardCharsets.UTF_8);
        var wrapped = first.keyEncryptionKey().encrypt("secret".getBytes(StandardCharsets.UTF_8), context);

        var next = LocalKeyFile.openOrCreate(file);

        assertThat(new String(next.keyEncryptionKey().decrypt(wrapped, context), StandardCharsets.UTF_8))
                .isEqualTo("secret");
        assertThat(next.pseudonymKey().compute(context, 32))
                .isEqualTo(first.pseudonymKey().compute(context, 32));
    }
}

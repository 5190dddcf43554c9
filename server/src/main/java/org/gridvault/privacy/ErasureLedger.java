package org.gridvault.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The people who were erased, by pseudonym only, in an append-only file next to the key file (not in the database):
 * a database restored from a backup made before an erasure does not contain the erasure, but this file does, and
 * {@link ErasureReplay} erases those people again at start-up (P18, ADR 11). The pseudonyms are keyed with the
 * platform's pseudonym key, so the file names nobody without it. Thread-safe.
 */
@Component
class ErasureLedger {

    private final Path file;
    private final Set<String> references = new HashSet<>();

    ErasureLedger(PrivacyProperties properties) {
        this.file = properties.keyFile().toAbsolutePath().resolveSibling("gridvault-erasures.log");
        load();
    }

    /** Appends the person's pseudonym (once) and forces it to disk before returning. */
    synchronized void append(String reference, Instant at) {
        if (references.contains(reference)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    reference + " " + at + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the erasure ledger " + file, e);
        }
        references.add(reference);
    }

    synchronized boolean isEmpty() {
        return references.isEmpty();
    }

    synchronized boolean contains(String reference) {
        return references.contains(reference);
    }

    Path file() {
        return file;
    }

    private synchronized void load() {
        if (!Files.exists(file)) {
            return;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split(" ", 2)[0])
                    .forEach(references::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the erasure ledger " + file, e);
        }
    }
}

package org.gridvault.privacy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the privacy module.
 *
 * @param keyFile the local key file (key-encryption key and pseudonym key), created on first start and readable by
 *     its owner only. Back it up apart from the database: without it, encrypted personal data cannot be read.
 */
@ConfigurationProperties("gridvault.privacy")
public record PrivacyProperties(
        @DefaultValue("./var/keys/gridvault-keys.json") Path keyFile) {}

package org.gridvault.privacy;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the privacy module.
 *
 * @param keyFile the local key file (key-encryption key and pseudonym key), created on first start and readable by
 *     its owner only. Back it up apart from the database: without it, encrypted personal data cannot be read.
 * @param notice the privacy notice to publish (Markdown with {@code version} and {@code material} front matter)
 * @param reconsentGrace after a material notice change, how long consents given under the old version still count
 * @param region the home region this node serves (eu, sg, cn, ...); when set, data of other regions is not disclosed
 *     here
 */
@ConfigurationProperties("gridvault.privacy")
public record PrivacyProperties(
        @DefaultValue("./var/keys/gridvault-keys.json") Path keyFile,
        @DefaultValue("classpath:privacy/notice.md") String notice,
        @DefaultValue("30d") Duration reconsentGrace,
        @Nullable String region) {}

package org.gridvault.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gridvault.database.Timestamps;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The privacy notice, versioned. At start the notice file ({@code gridvault.privacy.notice}, a Markdown file whose
 * front matter names its {@code version} and whether the change is {@code material}) is published as a new version
 * if its text is new; a published version's text never changes (editing the text without a new version stops the
 * start with an explanation). Records which version each person accepted.
 */
@Service
public class Notices implements InitializingBean {

    private final JdbcClient jdbc;
    private final ResourceLoader resources;
    private final PrivacyProperties properties;
    private final Clock clock;

    Notices(JdbcClient jdbc, ResourceLoader resources, PrivacyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        publish(read(properties.notice()));
    }

    /** The version in force. */
    public NoticeVersion current() {
        return jdbc.sql("select * from privacy.notices order by effective_at desc, version desc limit 1")
                .query(Notices::map)
                .single();
    }

    public List<NoticeVersion> all() {
        return jdbc.sql("select * from privacy.notices order by effective_at desc, version desc")
                .query(Notices::map)
                .list();
    }

    /** The latest material version, whose publication made older consents stale. */
    Optional<NoticeVersion> latestMaterial() {
        return jdbc.sql("select * from privacy.notices where material order by effective_at desc, version desc limit 1")
                .query(Notices::map)
                .optional();
    }

    /**
     * Records that the person accepted the current notice. A caller that names the version it showed gets a conflict
     * if that is no longer the current one, so nobody accepts a text they did not see.
     */
    @Transactional
    public NoticeVersion recordAcceptance(SubjectId subject, @Nullable String shownVersion, String channel) {
        var current = current();
        if (shownVersion != null && !shownVersion.equals(current.version())) {
            throw ApiProblem.conflict(
                            "privacy:notice.outdated",
                            "The privacy notice changed: version %s is current. Show it (GET /api/v1/privacy/notice) and accept that one."
                                    .formatted(current.version()))
                    .with("currentVersion", current.version());
        }
        jdbc.sql("""
                        insert into privacy.notice_acceptances (subject_id, version, accepted_at, channel)
                        values (:subject, :version, :now, :channel) on conflict do nothing
                        """)
                .param("subject", subject.value())
                .param("version", current.version())
                .param("now", Timestamps.of(clock.instant()))
                .param("channel", channel)
                .update();
        return current;
    }

    private void publish(NoticeVersion notice) {
        var existing = jdbc.sql("select * from privacy.notices where version = :version")
                .param("version", notice.version())
                .query(Notices::map)
                .optional();
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(notice.contentHash())) {
                throw new IllegalStateException(
                        ("The privacy notice text changed, but its version %s was published with "
                                        + "other text. Give the new text a new version in its front matter.")
                                .formatted(notice.version()));
            }
            return;
        }
        jdbc.sql("""
                        insert into privacy.notices (version, content_hash, material, effective_at, text)
                        values (:version, :hash, :material, :at, :text)
                        """)
                .param("version", notice.version())
                .param("hash", HexFormat.of().parseHex(notice.contentHash()))
                .param("material", notice.material())
                .param("at", Timestamps.of(clock.instant()))
                .param("text", notice.text())
                .update();
    }

    private NoticeVersion read(String location) {
        try {
            var content = resources.getResource(location).getContentAsString(StandardCharsets.UTF_8);
            if (!content.startsWith("---\n")) {
                throw new IllegalStateException(
                        "The privacy notice " + location + " must start with front matter (version, material)");
            }
            var end = content.indexOf("\n---\n", 4);
            var front = content.substring(4, end);
            var text = content.substring(end + 5).strip() + "\n";
            String version = null;
            var material = false;
            for (var line : front.split("\n")) {
                var colon = line.indexOf(':');
                if (colon > 0) {
                    var key = line.substring(0, colon).strip();
                    var value = line.substring(colon + 1).strip();
                    if (key.equals("version")) {
                        version = value;
                    } else if (key.equals("material")) {
                        material = Boolean.parseBoolean(value);
                    }
                }
            }
            if (version == null) {
                throw new IllegalStateException(
                        "The privacy notice " + location + " names no version in its front matter");
            }
            return new NoticeVersion(version, sha256(text), material, clock.instant(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the privacy notice " + location, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NoticeVersion map(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        return new NoticeVersion(
                row.getString("version"),
                HexFormat.of().formatHex(row.getBytes("content_hash")),
                row.getBoolean("material"),
                Timestamps.readRequired(row, "effective_at"),
                row.getString("text"));
    }
}

package org.gridvault.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.TestDevices;
import org.gridvault.devices.DeviceId;
import org.gridvault.privacy.AuditLog;
import org.gridvault.privacy.AuditRecord;
import org.gridvault.privacy.SubjectId;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The retention job against the real database with a moved clock: what is past its retention is gone, what is
 * within it is untouched, and every run leaves evidence in the audit log.
 *
 * <p>Runs in a context of its own (retention is off in the shared one, whose tests move the clock by months): a tiny
 * batch size to show the bound holds, the scheduled job on so that the run at start-up happens, rollups only when a
 * test asks, one extra rule that anonymises and one that names a column that does not exist. Tests here only move the clock forward and only count on their own
 * rows.
 */
@IntegrationTest
@Import(RetentionIntegrationTests.Closures.class)
@TestPropertySource(
        properties = {
            "gridvault.retention.enabled=true",
            "gridvault.retention.batch-size=3",
            "gridvault.retention.check-interval=1d",
            "gridvault.telemetry.rollups.delay=1d",
            "gridvault.retention.rules.lock-times.tables=accounts.login_failures",
            "gridvault.retention.rules.lock-times.from=data-age",
            "gridvault.retention.rules.lock-times.timestamps=first_failure_at",
            "gridvault.retention.rules.lock-times.keep=P7D",
            "gridvault.retention.rules.lock-times.action=anonymise",
            "gridvault.retention.rules.lock-times.anonymise=locked_until",
            "gridvault.retention.rules.misconfigured.tables=accounts.login_failures",
            "gridvault.retention.rules.misconfigured.from=data-age",
            "gridvault.retention.rules.misconfigured.timestamps=no_such_column",
            "gridvault.retention.rules.misconfigured.keep=P1D"
        })
class RetentionIntegrationTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Closures {

        @Bean
        RecordedClosures recordedClosures() {
            return new RecordedClosures();
        }
    }

    private final Retention retention;
    private final RetentionSchedule schedule;
    private final RecordedClosures closures;
    private final JdbcClient jdbc;
    private final MutableClock clock;
    private final AuditLog audit;
    private final TelemetryWriter writer;
    private final Rollups rollups;
    private final TestDevices devices;

    RetentionIntegrationTests(
            Retention retention,
            RetentionSchedule schedule,
            RecordedClosures closures,
            JdbcClient jdbc,
            MutableClock clock,
            AuditLog audit,
            TelemetryWriter writer,
            Rollups rollups,
            ApiClient api) {
        this.retention = retention;
        this.schedule = schedule;
        this.closures = closures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.writer = writer;
        this.rollups = rollups;
        this.devices = new TestDevices(api);
    }

    @BeforeEach
    void theRunAtStartUpHasHappened() {
        await().atMost(Duration.ofSeconds(30)).until(() -> retention.lastRun().isPresent());
    }

    @Test
    void runsByItselfAtStartUpAndRecordsTheRun() {
        assertThat(retention.lastRun()).isPresent();
        assertThat(entries(0, "retention.run.completed")).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("system:retention");
            assertThat(entry.details().path("day").asString()).isNotBlank();
        });
        assertThat(entries(0, "retention.rule.applied"))
                .extracting(entry -> entry.details().path("rule").asString())
                .contains("raw-readings", "login-failures", "ended-tokens", "consent-evidence");
    }

    @Test
    void deletesRowsPastTheirRetentionInBoundedBatchesAndKeepsTheRest() {
        var now = clock.instant();
        var expired = loginFailures(10, now.minus(Duration.ofDays(30)), null);
        var recent = loginFailures(2, now.minus(Duration.ofDays(28)), null);
        var before = lastSeq();

        clock.advance(Duration.ofDays(1));
        var run = retention.runIfDue().orElseThrow();

        assertThat(existing(expired)).isEmpty();
        assertThat(existing(recent)).containsExactlyInAnyOrderElementsOf(recent);
        var outcome = outcome(run, "login-failures", "accounts.login_failures");
        assertThat(outcome.rows()).isGreaterThanOrEqualTo(10);
        // Batches of at most 3 rows, until one comes back short: rows / 3 full batches and one short one.
        assertThat(outcome.batches()).isEqualTo(outcome.rows() / 3 + 1);
        var evidence = entries(before, "retention.rule.applied").stream()
                .filter(entry -> entry.details().path("rule").asString().equals("login-failures"))
                .toList();
        assertThat(evidence).singleElement().satisfies(entry -> {
            assertThat(entry.resource()).isEqualTo("table:accounts.login_failures");
            assertThat(entry.subject()).isNull();
            assertThat(entry.details().path("rows").asString()).isEqualTo(String.valueOf(outcome.rows()));
            assertThat(entry.details().path("batches").asString()).isEqualTo(String.valueOf(outcome.batches()));
            assertThat(entry.details().path("action").asString()).isEqualTo("delete");
            assertThat(Instant.parse(entry.details().path("cutoff").asString()))
                    .isEqualTo(clock.instant().minus(Duration.ofDays(30)));
        });
    }

    @Test
    void anonymisesTheColumnsARuleClearsAndKeepsTheRow() {
        var now = clock.instant();
        var old = loginFailures(1, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)));
        var recent = loginFailures(1, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));

        clock.advance(Duration.ofDays(1));
        var run = retention.runIfDue().orElseThrow();

        assertThat(lockedUntil(old.getFirst())).isNull();
        assertThat(existing(old)).hasSize(1);
        assertThat(lockedUntil(recent.getFirst())).isNotNull();
        assertThat(outcome(run, "lock-times", "accounts.login_failures").rows()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void dropsAWholeExpiredMonthOfSamplesOnceRolledUpInsteadOfDeletingRows() throws Exception {
        var device = new DeviceId(devices.register("grid_meter").uuid());
        var now = clock.instant();
        var oldMonth = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(15);
        var oldReading = oldMonth.atDay(10).atTime(12, 0).toInstant(ZoneOffset.UTC);
        var recentReading = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        write(device, oldReading, recentReading);

        clock.advance(Duration.ofDays(1));
        var beforeRollup = outcome(retention.runIfDue().orElseThrow(), "raw-readings", "telemetry.samples");

        assertThat(beforeRollup.waitingForRollups()).contains(oldMonth);
        assertThat(beforeRollup.partitionsDropped()).doesNotContain(oldMonth);
        assertThat(partitionExists(oldMonth)).isTrue();

        while (rollups.rollUpPending() > 0) {
            // drained: everything written before is in the rollups
        }
        clock.advance(Duration.ofDays(1));
        var before = lastSeq();
        var afterRollup = outcome(retention.runIfDue().orElseThrow(), "raw-readings", "telemetry.samples");

        assertThat(afterRollup.partitionsDropped()).contains(oldMonth);
        assertThat(afterRollup.rows()).isZero();
        assertThat(afterRollup.batches()).isZero();
        assertThat(partitionExists(oldMonth)).isFalse();
        assertThat(samples(device)).containsExactly(recentReading);
        assertThat(rollup5m(device, oldReading))
                .as("the month lives on in the rollups")
                .isEqualTo(1);
        assertThat(entries(before, "retention.rule.applied"))
                .filteredOn(entry -> entry.details().path("rule").asString().equals("raw-readings"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.details().path("action").asString()).isEqualTo("aggregate_then_drop");
                    assertThat(Integer.parseInt(
                                    entry.details().path("partitionsDropped").asString()))
                            .isGreaterThanOrEqualTo(1);
                    assertThat(entry.details().path("oldestDropped").asString())
                            .isLessThanOrEqualTo(oldMonth.toString());
                });

        // The writer learns the month is gone: a late reading for it recreates the partition instead of failing.
        writer.append(List.of(Reading.of(device, oldReading.plusSeconds(60), Map.of(Metric.POWER_W, 5.0))))
                .get(10, TimeUnit.SECONDS);
        assertThat(partitionExists(oldMonth)).isTrue();
    }

    @Test
    void catchesUpDaysMissedWhileTheServerWasDownOnItsNextCheck() {
        clock.advance(Duration.ofDays(1));
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("update retention.runs set last_run_date = ?")
                .param(today.minusDays(4))
                .update();
        var before = lastSeq();

        schedule.runIfDue();

        assertThat(retention.lastRun()).contains(today);
        assertThat(entries(before, "retention.run.completed")).singleElement().satisfies(entry -> {
            assertThat(entry.details().path("day").asString()).isEqualTo(today.toString());
            assertThat(entry.details().path("missedDays").asString()).isEqualTo("3");
        });
        assertThat(retention.runIfDue()).as("one run a day").isEmpty();
        assertThat(entries(before, "retention.run.completed")).hasSize(1);
    }

    @Test
    void deletesWhatIsLeftOfAccountsClosedLongerAgoThanTheRuleAndNoMore() {
        var now = clock.instant();
        var longClosed = new SubjectId(UUID.randomUUID());
        var recentlyClosed = new SubjectId(UUID.randomUUID());
        var open = new SubjectId(UUID.randomUUID());
        for (var subject : List.of(longClosed, recentlyClosed, open)) {
            consent(subject, now.minus(Duration.ofDays(2000)));
            consent(subject, now.minus(Duration.ofDays(1500)));
        }
        closures.closed(longClosed, now.minus(Duration.ofDays(3 * 366 + 10)));
        closures.closed(recentlyClosed, now.minus(Duration.ofDays(365)));
        var before = lastSeq();

        clock.advance(Duration.ofDays(1));
        var run = retention.runIfDue().orElseThrow();

        assertThat(consents(longClosed)).isZero();
        assertThat(consents(recentlyClosed)).isEqualTo(2);
        assertThat(consents(open)).isEqualTo(2);
        assertThat(outcome(run, "consent-evidence", "privacy.consent_ledger").rows())
                .isGreaterThanOrEqualTo(2);
        assertThat(entries(before, null)).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.subject()).as("evidence names nobody").isNull();
            assertThat(entry.details().toString())
                    .doesNotContain(longClosed.value().toString());
        });
    }

    @Test
    void recordsAFailingRuleAndStillAppliesTheOthers() {
        var expired = loginFailures(1, clock.instant().minus(Duration.ofDays(31)), null);
        var before = lastSeq();

        clock.advance(Duration.ofDays(1));
        var run = retention.runIfDue().orElseThrow();

        assertThat(outcome(run, "misconfigured", "accounts.login_failures").error())
                .isEqualTo("BadSqlGrammarException");
        assertThat(existing(expired)).as("the other rules still ran").isEmpty();
        assertThat(entries(before, "retention.rule.failed")).singleElement().satisfies(entry -> {
            assertThat(entry.details().path("rule").asString()).isEqualTo("misconfigured");
            assertThat(entry.details().path("error").asString()).isEqualTo("BadSqlGrammarException");
        });
        assertThat(entries(before, "retention.run.completed"))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.details().path("failed").asString()).isEqualTo("1"));
    }

    private void write(DeviceId device, Instant... times) throws Exception {
        var readings = Arrays.stream(times)
                .map(ts -> Reading.of(device, ts, Map.of(Metric.POWER_W, 100.0)))
                .toList();
        writer.append(readings).get(10, TimeUnit.SECONDS);
    }

    private List<byte[]> loginFailures(int count, Instant firstFailure, @Nullable Instant lockedUntil) {
        var lookups = new ArrayList<byte[]>();
        for (int i = 0; i < count; i++) {
            var lookup = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
            jdbc.sql("""
                            insert into accounts.login_failures (email_lookup, failures, first_failure_at, locked_until)
                            values (?, 5, ?, ?)
                            """)
                    .params(
                            lookup,
                            Timestamp.from(firstFailure),
                            lockedUntil == null ? null : Timestamp.from(lockedUntil))
                    .update();
            lookups.add(lookup);
        }
        return lookups;
    }

    private List<byte[]> existing(List<byte[]> lookups) {
        return lookups.stream()
                .filter(lookup -> jdbc.sql("select count(*) from accounts.login_failures where email_lookup = ?")
                                .param(lookup)
                                .query(Long.class)
                                .single()
                        == 1)
                .toList();
    }

    private @Nullable Timestamp lockedUntil(byte[] lookup) {
        return jdbc.sql("select locked_until from accounts.login_failures where email_lookup = ?")
                .param(lookup)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
    }

    private void consent(SubjectId subject, Instant at) {
        jdbc.sql("""
                        insert into privacy.consent_ledger (subject_id, purpose, granted, notice_hash, recorded_at, channel)
                        values (?, 'marketing', true, ?, ?, 'web')
                        """).params(subject.value(), new byte[32], Timestamp.from(at)).update();
    }

    private long consents(SubjectId subject) {
        return jdbc.sql("select count(*) from privacy.consent_ledger where subject_id = ?")
                .param(subject.value())
                .query(Long.class)
                .single();
    }

    private boolean partitionExists(YearMonth month) {
        return jdbc.sql("select to_regclass(?) is not null")
                .param("telemetry.samples_%04d_%02d".formatted(month.getYear(), month.getMonthValue()))
                .query(Boolean.class)
                .single();
    }

    private List<Instant> samples(DeviceId device) {
        return jdbc
                .sql("select ts from telemetry.samples where device_id = ? order by ts")
                .param(device.value())
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    private long rollup5m(DeviceId device, Instant reading) {
        return jdbc.sql("select count(*) from telemetry.rollup_5m where device_id = ? and bucket_start = ?")
                .params(device.value(), Timestamp.from(reading))
                .query(Long.class)
                .single();
    }

    private long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from privacy.audit_log")
                .query(Long.class)
                .single();
    }

    private List<AuditRecord> entries(long afterSeq, @Nullable String action) {
        var found = new ArrayList<AuditRecord>();
        var page = audit.entries(afterSeq, AuditLog.MAX_PAGE);
        while (!page.isEmpty()) {
            page.stream()
                    .filter(entry -> action == null || entry.action().equals(action))
                    .forEach(found::add);
            page = audit.entries(page.getLast().seq(), AuditLog.MAX_PAGE);
        }
        return found;
    }

    private static RuleOutcome outcome(RetentionRun run, String rule, String table) {
        return run.outcomes().stream()
                .filter(outcome ->
                        outcome.rule().equals(rule) && outcome.table().equals(table))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + rule + " on " + table + " in " + run));
    }
}

package org.gridvault.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import org.gridvault.devices.DeviceId;
import org.jspecify.annotations.Nullable;

/** One device's live state; every method is synchronized on the instance, so updates of one device never interleave. */
final class MutableDeviceState {

    /**
     * How far below the highest sequence number late readings are still told apart from duplicates. Further back,
     * readings are accepted and storage (keyed by device and time) keeps re-sent ones from changing anything.
     */
    private static final int SEQUENCE_WINDOW = 64;

    private final DeviceId device;
    private final double[] latest = Reading.noValues();
    private boolean online;
    private Instant statusSince = Instant.EPOCH;
    private Instant lastSeenAt = Instant.EPOCH;
    private @Nullable Instant lastReadingAt;
    /** The highest sequence number seen, and which of the {@value #SEQUENCE_WINDOW} below it were seen (bit i: highest - 1 - i). */
    private long highestSeq = -1;

    private @Nullable Instant highestSeqTs;
    private long seenBelowHighest;
    private long sequenceGaps;
    private long duplicates;
    /** Exponentially weighted mean spacing of readings, in milliseconds; 0 until two readings arrived. */
    private double meanSpacingMillis;

    private boolean dirty;

    MutableDeviceState(DeviceId device) {
        this.device = device;
    }

    /**
     * Checks a sequence number against the highest one seen and the {@value #SEQUENCE_WINDOW} before it: a number seen
     * again with a time no newer is a duplicate; a missing number that arrives late (with an older time) fills its gap;
     * a lower number with a newer time means the device restarted its sequence.
     */
    synchronized boolean acceptSequence(long seq, Instant ts) {
        if (highestSeqTs == null) {
            restartSequence(seq, ts);
            return true;
        }
        if (seq > highestSeq) {
            var ahead = seq - highestSeq;
            sequenceGaps += ahead - 1;
            seenBelowHighest = ahead >= SEQUENCE_WINDOW ? 0 : (seenBelowHighest << ahead) | (1L << (ahead - 1));
            highestSeq = seq;
            highestSeqTs = ts.isAfter(highestSeqTs) ? ts : highestSeqTs;
            dirty = dirty || ahead > 1;
            return true;
        }
        var behind = highestSeq - seq;
        var seen = behind == 0 || (behind <= SEQUENCE_WINDOW && (seenBelowHighest & (1L << (behind - 1))) != 0);
        if (seen && !ts.isAfter(highestSeqTs)) {
            duplicates++;
            dirty = true;
            return false;
        }
        if (ts.isAfter(highestSeqTs)) {
            // The sequence went down while time went forward: the device restarted counting.
            restartSequence(seq, ts);
            return true;
        }
        if (behind <= SEQUENCE_WINDOW) {
            seenBelowHighest |= 1L << (behind - 1);
            sequenceGaps = Math.max(0, sequenceGaps - 1);
            dirty = true;
        }
        return true;
    }

    /** The reading with this sequence number was not written, so the device will send it again: not a duplicate. */
    synchronized void forgetSequence(long seq) {
        var behind = highestSeq - seq;
        if (behind == 0) {
            highestSeqTs = null;
        } else if (behind > 0 && behind <= SEQUENCE_WINDOW) {
            seenBelowHighest &= ~(1L << (behind - 1));
        }
    }

    private void restartSequence(long seq, Instant ts) {
        highestSeq = seq;
        highestSeqTs = ts;
        seenBelowHighest = 0;
    }

    synchronized void record(Reading reading, Instant now) {
        lastSeenAt = now;
        dirty = true;
        if (lastReadingAt != null && reading.ts().isAfter(lastReadingAt)) {
            var spacing = Duration.between(lastReadingAt, reading.ts()).toMillis();
            meanSpacingMillis = meanSpacingMillis == 0 ? spacing : 0.8 * meanSpacingMillis + 0.2 * spacing;
        }
        if (lastReadingAt == null || !reading.ts().isBefore(lastReadingAt)) {
            lastReadingAt = reading.ts();
            var values = reading.values();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    latest[i] = values[i];
                }
            }
        }
    }

    synchronized void touch(Instant now) {
        lastSeenAt = now;
        dirty = true;
    }

    /** Marks online; returns the time it came online if it was offline, else null. */
    synchronized @Nullable Instant markOnline(Instant now) {
        if (online) {
            return null;
        }
        online = true;
        statusSince = now;
        dirty = true;
        return now;
    }

    /** Marks offline; true if it was online. */
    synchronized boolean markOffline(Instant now) {
        if (!online) {
            return false;
        }
        online = false;
        statusSince = now;
        dirty = true;
        return true;
    }

    synchronized boolean isOnline() {
        return online;
    }

    synchronized Instant lastSeenAt() {
        return lastSeenAt;
    }

    synchronized Duration expectedInterval(Duration fallback) {
        return meanSpacingMillis == 0 ? fallback : Duration.ofMillis((long) meanSpacingMillis);
    }

    synchronized void markDirty() {
        dirty = true;
    }

    synchronized boolean takeDirty() {
        var was = dirty;
        dirty = false;
        return was;
    }

    synchronized DeviceStatus snapshot() {
        var named = new EnumMap<Metric, Double>(Metric.class);
        for (var metric : Metric.values()) {
            if (!Double.isNaN(latest[metric.ordinal()])) {
                named.put(metric, latest[metric.ordinal()]);
            }
        }
        return new DeviceStatus(
                device, online, statusSince, lastSeenAt, lastReadingAt, named, sequenceGaps, duplicates);
    }

    synchronized void restore(DeviceStatus status) {
        online = status.online();
        statusSince = status.statusSince();
        lastSeenAt = status.lastSeenAt();
        lastReadingAt = status.lastReadingAt();
        sequenceGaps = status.sequenceGaps();
        duplicates = status.duplicates();
        Arrays.fill(latest, Double.NaN);
        status.latest().forEach((metric, value) -> latest[metric.ordinal()] = value);
    }
}

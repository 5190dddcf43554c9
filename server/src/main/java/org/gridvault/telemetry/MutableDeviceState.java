package org.gridvault.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.gridvault.devices.DeviceId;
import org.jspecify.annotations.Nullable;

/** One device's live state; every method is synchronized on the instance, so updates of one device never interleave. */
final class MutableDeviceState {

    /** Bounds the memory a device whose writes keep failing can take; beyond it, the oldest are forgotten. */
    private static final int MAX_UNWRITTEN = 10_000;

    private final DeviceId device;
    private final double[] latest = Reading.noValues();
    private boolean online;
    private Instant statusSince = Instant.EPOCH;
    private Instant lastSeenAt = Instant.EPOCH;
    private @Nullable Instant lastReadingAt;
    private long lastSeq = -1;
    private @Nullable Instant lastSeqTs;
    private long sequenceGaps;
    private long duplicates;
    /** Sequence numbers of readings that could not be written: sent again, they are not duplicates. */
    private @Nullable Set<Long> unwritten;
    /** Exponentially weighted mean spacing of readings, in milliseconds; 0 until two readings arrived. */
    private double meanSpacingMillis;

    private boolean dirty;

    MutableDeviceState(DeviceId device) {
        this.device = device;
    }

    synchronized boolean acceptSequence(long seq, Instant ts) {
        if (unwritten != null && unwritten.remove(seq)) {
            return true;
        }
        if (lastSeqTs != null && seq <= lastSeq) {
            if (!ts.isAfter(lastSeqTs)) {
                duplicates++;
                dirty = true;
                return false;
            }
            // A restarted sequence with newer readings: the device rebooted.
            lastSeq = seq;
            lastSeqTs = ts;
            return true;
        }
        if (lastSeqTs != null && seq > lastSeq + 1) {
            sequenceGaps += seq - lastSeq - 1;
            dirty = true;
        }
        lastSeq = seq;
        lastSeqTs = ts;
        return true;
    }

    /** The reading with this sequence number was not written, so the device will send it again. */
    synchronized void forgetSequence(long seq) {
        if (unwritten == null) {
            unwritten = new LinkedHashSet<>();
        }
        if (unwritten.size() >= MAX_UNWRITTEN) {
            unwritten.remove(unwritten.iterator().next());
        }
        unwritten.add(seq);
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

package org.gridvault.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import org.gridvault.devices.DeviceId;
import org.jspecify.annotations.Nullable;

/** One device's live state; every method is synchronized on the instance, so updates of one device never interleave. */
final class MutableDeviceState {

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
    /** Exponentially weighted mean spacing of readings, in milliseconds; 0 until two readings arrived. */
    private double meanSpacingMillis;

    private boolean dirty;

    MutableDeviceState(DeviceId device) {
        this.device = device;
    }

    synchronized boolean acceptSequence(long seq, Instant ts) {
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

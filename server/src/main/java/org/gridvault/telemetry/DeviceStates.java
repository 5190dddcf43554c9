package org.gridvault.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridvault.devices.DeviceId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Latest values, last-seen time, online state and sequence bookkeeping of every device, kept in memory (updating a
 * database row per reading is what limits other platforms at scale) and flushed in batches by
 * {@link DeviceStateFlusher}.
 *
 * <p>A device is online while it is connected or reporting; it goes offline when it says so, when its connection is
 * lost, or after silence longer than three of its reporting intervals (at least {@code offlineAfterMinimum}). Its
 * reporting interval is learned from the spacing of its readings. Thread-safe.
 */
@Service
public class DeviceStates {

    private final Map<DeviceId, MutableDeviceState> states = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final TelemetryProperties properties;
    private final Clock clock;

    DeviceStates(ApplicationEventPublisher events, TelemetryProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Drops everything held about a device that was erased (its rows are deleted by {@link TelemetryErasure}). */
    void forget(DeviceId device) {
        states.remove(device);
    }

    public Optional<DeviceStatus> status(DeviceId device) {
        return Optional.ofNullable(states.get(device)).map(MutableDeviceState::snapshot);
    }

    /**
     * Checks a reading's sequence number: false for a duplicate (drop it); gaps are counted. A device whose sequence
     * restarts (a reboot) with newer readings is followed, not treated as sending duplicates.
     */
    public boolean acceptSequence(DeviceId device, long seq, Instant ts) {
        return state(device).acceptSequence(seq, ts);
    }

    /**
     * The reading with this sequence number could not be written (storage failed or was busy) and was not
     * acknowledged: when the device sends it again, it is taken, not dropped as a duplicate.
     */
    public void forgetSequence(DeviceId device, long seq) {
        state(device).forgetSequence(seq);
    }

    /** Readings became durable: they update latest values and mark the device online. */
    void recordWritten(List<Reading> readings) {
        var now = clock.instant();
        for (var reading : readings) {
            var state = state(reading.device());
            state.record(reading, now);
            becameOnline(reading.device(), state.markOnline(now));
        }
    }

    /** The device connected (or said it is online). */
    public void markOnline(DeviceId device) {
        var now = clock.instant();
        var state = state(device);
        state.touch(now);
        becameOnline(device, state.markOnline(now));
    }

    /** The device said it is offline, or its connection was lost. */
    public void markOffline(DeviceId device, String reason) {
        var now = clock.instant();
        if (state(device).markOffline(now)) {
            events.publishEvent(new DeviceWentOffline(device, now, reason));
        }
    }

    /** Marks devices offline that were silent for too long; returns how many. Run periodically. */
    public int markSilentDevicesOffline() {
        var now = clock.instant();
        var count = 0;
        for (var entry : states.entrySet()) {
            var state = entry.getValue();
            var allowed = max(
                    state.expectedInterval(properties.defaultReportingInterval())
                            .multipliedBy(3),
                    properties.offlineAfterMinimum());
            if (state.isOnline() && state.lastSeenAt().plus(allowed).isBefore(now) && state.markOffline(now)) {
                events.publishEvent(new DeviceWentOffline(entry.getKey(), now, "silent for more than " + allowed));
                count++;
            }
        }
        return count;
    }

    /** States changed since the last call, for flushing. */
    List<DeviceStatus> takeChanged() {
        var changed = new ArrayList<DeviceStatus>();
        states.values().forEach(state -> {
            if (state.takeDirty()) {
                changed.add(state.snapshot());
            }
        });
        return changed;
    }

    /** Marks a state as changed again after a failed flush. */
    void restoreDirty(DeviceStatus status) {
        Optional.ofNullable(states.get(status.deviceId())).ifPresent(MutableDeviceState::markDirty);
    }

    /** Restores a state read back from the database at start-up. */
    void restore(DeviceStatus status) {
        states.computeIfAbsent(status.deviceId(), MutableDeviceState::new).restore(status);
    }

    private MutableDeviceState state(DeviceId device) {
        return states.computeIfAbsent(device, MutableDeviceState::new);
    }

    private void becameOnline(DeviceId device, @Nullable Instant since) {
        if (since != null) {
            events.publishEvent(new DeviceWentOnline(device, since));
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

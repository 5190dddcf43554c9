package org.gridvault.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridvault.devices.DeviceId;
import org.gridvault.devices.DeviceIdentity;
import org.gridvault.telemetry.DeviceStates;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.TelemetryWriter;
import org.springframework.stereotype.Service;

/**
 * The one path from a device's payload to storage, whatever the transport: size check, decoding, per-value
 * validation, gateway routing, timestamps too far in the future or past, sequence duplicates, then
 * {@link TelemetryWriter#append}.
 *
 * <p>One bad value never costs the rest of the batch: it is listed in the result and the valid values go on.
 * Thread-safe.
 */
@Service
public class TelemetryIntake {

    /**
     * The earliest measurement time accepted. Earlier ones come from devices whose clock was never set (1970), and
     * times before what PostgreSQL can store would fail the whole write batch, which the device would then send
     * again and again.
     */
    static final Instant EARLIEST_TS = Instant.parse("2000-01-01T00:00:00Z");

    private final JsonTelemetryDecoder json = new JsonTelemetryDecoder();
    private final SenmlDecoder senml;
    private final GatewayChildren gateways;
    private final DeviceStates states;
    private final TelemetryWriter writer;
    private final IngestProperties properties;
    private final Clock clock;

    TelemetryIntake(
            GatewayChildren gateways,
            DeviceStates states,
            TelemetryWriter writer,
            IngestProperties properties,
            Clock clock) {
        this.senml = new SenmlDecoder(clock);
        this.gateways = gateways;
        this.states = states;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    public IntakeResult accept(DeviceIdentity sender, byte[] payload, PayloadFormat format) {
        return accept(sender, sender.serialNumber(), payload, format);
    }

    /**
     * Like {@link #accept(DeviceIdentity, byte[], PayloadFormat)}, for a payload addressed to {@code addressedSerial}
     * (a gateway publishing on a child's topic): records that name no device are that device's.
     */
    public IntakeResult accept(DeviceIdentity sender, String addressedSerial, byte[] payload, PayloadFormat format) {
        if (payload.length > properties.maxPayloadBytes()) {
            return rejected(Rejection.ofPayload(
                    "telemetry:payload.too-large",
                    "The payload has %d bytes; send at most %d per message (split the batch)."
                            .formatted(payload.length, properties.maxPayloadBytes())));
        }
        var decoded = switch (format) {
            case GRIDVAULT_JSON -> json.decode(payload);
            case SENML_JSON -> senml.decode(payload);
        };
        var rejections = new ArrayList<>(decoded.rejections());
        var readings = new ArrayList<Reading>(decoded.records().size());
        var sequenced = new ArrayList<Sequenced>();
        var latestAllowed = clock.instant().plus(properties.maxFutureSkew());
        int duplicates = 0;
        for (var record : decoded.records()) {
            var device = route(
                    sender, record.childSerial() == null ? addressedSerial : record.childSerial(), record, rejections);
            if (device == null) {
                continue;
            }
            if (record.ts().isAfter(latestAllowed)) {
                rejections.add(Rejection.ofRecord(
                        record.index(),
                        "telemetry:ts.future",
                        "'ts' %s is more than %s ahead of our clock; check the device's clock (NTP)."
                                .formatted(record.ts(), properties.maxFutureSkew())));
                continue;
            }
            if (record.ts().isBefore(EARLIEST_TS)) {
                rejections.add(Rejection.ofRecord(
                        record.index(),
                        "telemetry:ts.too-old",
                        "'ts' %s lies before %s; the device's clock is probably not set (NTP)."
                                .formatted(record.ts(), EARLIEST_TS)));
                continue;
            }
            if (!record.hasValues()) {
                continue;
            }
            if (record.seq() != null) {
                if (!states.acceptSequence(device, record.seq(), record.ts())) {
                    duplicates++;
                    continue;
                }
                sequenced.add(new Sequenced(device, record.seq()));
            }
            readings.add(new Reading(device, record.ts(), record.values()));
        }
        var durable = writer.append(readings);
        if (!sequenced.isEmpty()) {
            // Not written means not acknowledged: the device sends these again, and they must not count as duplicates.
            durable = durable.whenComplete((written, failure) -> {
                if (failure != null) {
                    sequenced.forEach(reading -> states.forgetSequence(reading.device(), reading.seq()));
                }
            });
        }
        return new IntakeResult(readings.size(), duplicates, List.copyOf(rejections), durable);
    }

    private record Sequenced(DeviceId device, long seq) {}

    private @org.jspecify.annotations.Nullable DeviceId route(
            DeviceIdentity sender, String serial, DecodedRecord record, List<Rejection> rejections) {
        if (serial.equals(sender.serialNumber())) {
            return sender.id();
        }
        var child = gateways.child(sender.id(), serial);
        if (child.isEmpty()) {
            rejections.add(Rejection.ofRecord(
                    record.index(),
                    "telemetry:device.not-paired",
                    "Device %s is not paired with %s; pair it first (PUT /api/v1/devices/{id}/gateway)."
                            .formatted(serial, sender.serialNumber())));
            return null;
        }
        return child.get();
    }

    /** Whether the sender may report for the device with this serial: itself, or a child paired with it. */
    public boolean mayReportFor(DeviceIdentity sender, String serial) {
        return serial.equals(sender.serialNumber())
                || gateways.child(sender.id(), serial).isPresent();
    }

    private static IntakeResult rejected(Rejection rejection) {
        return new IntakeResult(0, 0, List.of(rejection), java.util.concurrent.CompletableFuture.completedFuture(null));
    }
}

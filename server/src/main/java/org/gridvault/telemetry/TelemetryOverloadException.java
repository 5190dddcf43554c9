package org.gridvault.telemetry;

/** More readings are waiting to be written than storage accepts; the sender should retry later. */
public class TelemetryOverloadException extends RuntimeException {

    public TelemetryOverloadException() {
        super("Telemetry storage is busy; send the readings again later");
    }
}

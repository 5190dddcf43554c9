package org.gridvault.ingest;

/** The payload formats devices may send. */
public enum PayloadFormat {
    /** GridVault's JSON records (see docs/device-protocol.md). */
    GRIDVAULT_JSON,
    /** SenML JSON, RFC 8428. */
    SENML_JSON
}

package org.gridvault.simulator.provisioning;

/** GridVault's API refused a request or could not be reached; the message says which and what to do. */
public final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    ApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 if no response came. */
    public int status() {
        return status;
    }
}

package org.gridvault.simulator;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Prints each reading as {@code topic payload} on one line; for trying the simulator without a GridVault. */
final class ConsoleReadingSink implements ReadingSink {

    private final PrintStream out;

    ConsoleReadingSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public CompletableFuture<Void> publish(Reading reading) {
        out.println(reading.topic() + " " + new String(reading.toJson(), StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(null);
    }
}

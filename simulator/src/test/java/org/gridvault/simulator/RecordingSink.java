package org.gridvault.simulator;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every reading it is given, in order. */
final class RecordingSink implements ReadingSink {

    private final List<Reading> readings = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> publish(Reading reading) {
        readings.add(reading);
        return CompletableFuture.completedFuture(null);
    }

    List<Reading> readings() {
        return List.copyOf(readings);
    }
}

package org.gridvault.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The server JVM's heap as its {@code /actuator/prometheus} reports it: heap in use now, and the live data left after
 * the last full or mixed collection (the number that shows a leak: it keeps growing in a leaking server).
 */
record ServerHeap(long usedBytes, long liveDataBytes) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static ServerHeap sample(String baseUrl) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            var body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            long used = 0, live = 0;
            for (var line : body.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += value(line);
                } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                    live = value(line);
                }
            }
            return new ServerHeap(used, live);
        } catch (IOException e) {
            return new ServerHeap(-1, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerHeap(-1, -1);
        }
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Override
    public String toString() {
        return "heap used %d MiB, live after GC %d MiB".formatted(usedBytes >> 20, liveDataBytes >> 20);
    }
}

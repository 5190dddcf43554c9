package org.gridvault.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Grid meters registered through the REST API (one site each, as homes are) and connected over MQTT. */
final class Fleet implements AutoCloseable {

    private final MqttSockets sockets;
    private final List<MqttDevice> devices;

    private Fleet(MqttSockets sockets, List<MqttDevice> devices) {
        this.sockets = sockets;
        this.devices = devices;
    }

    static Fleet registerAndConnect(ServerProcess server, int count, int readingsPerMessage) throws Exception {
        var api = new GridVaultApi(server.baseUrl());
        api.signUpAndIn("bench-" + System.nanoTime() + "@example.org", "benchmark-password-1");
        var started = System.nanoTime();
        var credentials = new GridVaultApi.DeviceCredentials[count];
        var limit = new Semaphore(8);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                var index = i;
                limit.acquire();
                executor.submit(() -> {
                    try {
                        var site = api.createSite("Home %05d".formatted(index), "Europe/Berlin");
                        credentials[index] = api.registerDevice(site, "meter-%06d".formatted(index), "grid_meter");
                    } finally {
                        limit.release();
                    }
                    return null;
                });
            }
        }
        System.out.printf(
                "Registered %,d sites with a grid meter each in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return connect(credentials, server.mqttPort(), readingsPerMessage);
    }

    /** Opens one MQTT connection per device, a hundred at a time. */
    static Fleet connect(GridVaultApi.DeviceCredentials[] credentials, int mqttPort, int readingsPerMessage)
            throws Exception {
        int count = credentials.length;
        // Readings are one second apart, starting 30 days back: even an hour-long soak stays in the past.
        var firstTs = Clock.systemUTC().instant().minus(Duration.ofDays(30));
        var sockets = new MqttSockets();
        var devices = new ArrayList<MqttDevice>();
        var started = System.nanoTime();
        for (int i = 0; i < count; i += 100) {
            var chunk = new ArrayList<CompletableFuture<?>>();
            for (int j = i; j < Math.min(count, i + 100); j++) {
                var device = new MqttDevice(
                        j, sockets, credentials[j], mqttPort, firstTs, Duration.ofSeconds(1), readingsPerMessage);
                devices.add(device);
                chunk.add(device.connect());
            }
            CompletableFuture.allOf(chunk.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        System.out.printf("Connected %,d MQTT clients in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return new Fleet(sockets, List.copyOf(devices));
    }

    List<MqttDevice> devices() {
        return devices;
    }

    int size() {
        return devices.size();
    }

    @Override
    public void close() {
        var disconnects = devices.stream().map(MqttDevice::disconnect).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(disconnects)
                .orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
        sockets.close();
    }
}

package org.gridvault.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few REST calls the benchmarks need, as one signed-in person. Thread-safe once signed in. */
final class GridVaultApi {

    /** A registered device's MQTT credentials. */
    record DeviceCredentials(String id, String serial, String secret) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private volatile String token = "";

    GridVaultApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Creates an account and signs in with it. */
    void signUpAndIn(String email, String password) throws IOException, InterruptedException {
        post("/api/v1/accounts", Map.of("email", email, "password", password, "displayName", "Benchmark"));
        token = post("/api/v1/sessions", Map.of("email", email, "password", password))
                .get("token")
                .asString();
    }

    String createSite(String name, String timeZone) throws IOException, InterruptedException {
        return post("/api/v1/sites", Map.of("name", name, "timeZone", timeZone, "region", "eu"))
                .get("id")
                .asString();
    }

    DeviceCredentials registerDevice(String siteId, String serial, String kind)
            throws IOException, InterruptedException {
        var device = post("/api/v1/sites/" + siteId + "/devices", Map.of("serialNumber", serial, "kind", kind));
        return new DeviceCredentials(
                device.get("id").asString(), serial, device.get("secret").asString());
    }

    /** A GET with the session's token; returns the status code and discards the body after reading it. */
    int get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A GET with the session's token that must succeed; returns the parsed body. */
    JsonNode getJson(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Changes a site's time zone. */
    void changeTimeZone(String siteId, String timeZone) throws IOException, InterruptedException {
        send("PATCH", "/api/v1/sites/" + siteId, Map.of("timeZone", timeZone));
    }

    private JsonNode post(String path, Map<String, String> body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, Map<String, String> body)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        var request = builder.build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}

package org.gridvault.simulator.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.gridvault.simulator.DeviceCredentials;
import org.gridvault.simulator.DeviceKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few calls of GridVault's REST API the simulator needs: sign up, log in, create a site, register a device. Uses
 * the JDK's HTTP client; every refusal becomes an {@link ApiException} carrying the server's problem detail.
 * Thread-safe.
 */
public final class GridVaultApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public GridVaultApi(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    public static GridVaultApi at(URI base) {
        return new GridVaultApi(
                base,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** Opens an account; returns false if one with this e-mail address exists already. */
    public boolean signUp(String email, String password, String displayName) {
        var response = send(
                "Sign-up",
                post(
                        "/api/v1/accounts",
                        null,
                        Map.of("email", email, "password", password, "displayName", displayName)));
        if (response.statusCode() == 409) {
            return false;
        }
        expect("Sign-up", response, 201);
        return true;
    }

    /** Logs in and returns the bearer token. */
    public String logIn(String email, String password) {
        var response = send("Log-in", post("/api/v1/sessions", null, Map.of("email", email, "password", password)));
        return field("Log-in", expect("Log-in", response, 200), "token");
    }

    /** Creates a site owned by the token's person and returns its id. */
    public UUID createSite(String token, NewSite site) {
        var response = send("Creating site '" + site.name() + "'", post("/api/v1/sites", token, site));
        return UUID.fromString(field("Creating a site", expect("Creating a site", response, 201), "id"));
    }

    /** Registers a device on a site and returns its serial and the secret issued for it. */
    public DeviceCredentials registerDevice(String token, UUID site, String serial, DeviceKind kind) {
        var action = "Registering device " + serial;
        var body = Map.of(
                "serialNumber", serial, "kind", kind.wireName(), "manufacturer", "GridVault", "model", kind.model());
        var created = expect(action, send(action, post("/api/v1/sites/" + site + "/devices", token, body)), 201);
        return new DeviceCredentials(field(action, created, "serialNumber"), field(action, created, "secret"));
    }

    /** A site as {@code POST /api/v1/sites} takes it. */
    public record NewSite(String name, String timeZone, String region, double latitude, double longitude) {}

    private HttpRequest post(String path, @Nullable String token, Object body) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> send(String action, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(
                    action + " failed: cannot reach GridVault at " + base + " (" + e + "). Is the server running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(action + " was interrupted", e);
        }
    }

    private JsonNode expect(String action, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new ApiException(
                    response.statusCode(),
                    action + " refused with HTTP " + response.statusCode() + ": " + problem(response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new ApiException(response.statusCode(), action + " answered with something other than JSON");
        }
    }

    private static String field(String action, JsonNode body, String name) {
        var value = body.path(name);
        if (!value.isString()) {
            throw new ApiException(200, action + ": the answer has no '" + name + "'");
        }
        return value.asString();
    }

    /** The problem detail's detail (or title), or the raw body if it is not one. */
    private String problem(String body) {
        try {
            var node = json.readTree(body);
            for (var name : new String[] {"detail", "title"}) {
                if (node.path(name).isString()) {
                    return node.path(name).asString();
                }
            }
        } catch (JacksonException e) {
            // not JSON: show it as it is
        }
        return body.isBlank() ? "(no details)" : body.strip();
    }
}

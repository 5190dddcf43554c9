package org.gridvault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running application over real HTTP, the way a script would: JSON in, JSON out, a bearer token when
 * given one.
 *
 * <pre>{@code
 * var alice = api.newPerson();
 * var response = api.post("/api/v1/organisations", alice.token(), Map.of("name", "Solar Ltd", "kind", "installer"));
 * assertThat(response.status()).isEqualTo(201);
 * }</pre>
 *
 * <p>A body that is a {@code String} is sent as it is (for malformed JSON); anything else is written as JSON. No
 * cookies are kept between requests. Thread-safe.
 */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.shared();

    /** The platform operator of every {@link IntegrationTest} (see {@link #operatorToken()}). */
    public static final String OPERATOR_EMAIL = "operator@gridvault.test";

    private static final String OPERATOR_PASSWORD = "operator-password-for-tests";

    private final URI base;
    private volatile boolean operatorSignedUp;

    public ApiClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** A person with an account and a fresh log-in session. */
    public record Account(UUID id, String email, String password, String token) {}

    /** An HTTP response with its body kept as text, so tests can also check what it does not contain. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem detail's {@code code}, or an empty string when there is none. */
        public String code() {
            return json().path("code").asString();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** An e-mail address no other test uses. */
    public static String uniqueEmail() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    public Response signUp(String email, String password, String displayName) {
        return post("/api/v1/accounts", null, Map.of("email", email, "password", password, "displayName", displayName));
    }

    public Response tryLogIn(String email, String password) {
        return post("/api/v1/sessions", null, Map.of("email", email, "password", password));
    }

    /** Logs in and returns the session token; fails the test if the log-in does not succeed. */
    public String logIn(String email, String password) {
        var response = tryLogIn(email, password);
        assertThat(response.status())
                .as("log-in of %s: %s", email, response.body())
                .isEqualTo(200);
        return response.json().path("token").asString();
    }

    /** Signs up a new person with a unique e-mail address and logs them in. */
    public Account newPerson() {
        var email = uniqueEmail();
        var password = "password-" + UUID.randomUUID();
        var signUp = signUp(email, password, "Test Person");
        assertThat(signUp.status()).as("sign-up: %s", signUp.body()).isEqualTo(201);
        var id = UUID.fromString(signUp.json().path("id").asString());
        return new Account(id, email, password, logIn(email, password));
    }

    /**
     * Logs in the platform operator ({@link #OPERATOR_EMAIL}), signing them up on first use. Another test class may
     * have signed them up already in the shared database, so an existing account is fine.
     */
    public String operatorToken() {
        if (!operatorSignedUp) {
            synchronized (this) {
                if (!operatorSignedUp) {
                    var signUp = signUp(OPERATOR_EMAIL, OPERATOR_PASSWORD, "Platform Operator");
                    assertThat(signUp.status())
                            .as("operator sign-up: %s", signUp.body())
                            .isIn(201, 409);
                    operatorSignedUp = true;
                }
            }
        }
        return logIn(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    public Response get(String path, @Nullable String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, @Nullable String token, @Nullable Object body) {
        return send("POST", path, token, body);
    }

    public Response put(String path, @Nullable String token, @Nullable Object body) {
        return send("PUT", path, token, body);
    }

    public Response patch(String path, @Nullable String token, @Nullable Object body) {
        return send("PATCH", path, token, body);
    }

    public Response delete(String path, @Nullable String token) {
        return send("DELETE", path, token, null);
    }

    public Response send(String method, String path, @Nullable String token, @Nullable Object body) {
        var request = request(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            var json = body instanceof String text ? text : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
        }
        return send(request);
    }

    /** A request to the application with nothing set but its address, for requests the methods above cannot make. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the application", e);
        }
    }
}

package org.gridvault.simulator.provisioning;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GridVault's account, site and device endpoints as far as the simulator uses them, on a loopback port: one account
 * {@code sim@example.org} / {@code right}, answers shaped like the real server's.
 */
final class FakeGridVault implements AutoCloseable {

    record Call(String method, String path, String authorization, JsonNode body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean accountExists;

    FakeGridVault(boolean accountExists) throws IOException {
        this.accountExists = accountExists;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call(exchange.getRequestMethod(), path, authorization == null ? "" : authorization, body));

        if (path.equals("/api/v1/accounts")) {
            if (accountExists) {
                answer(exchange, 409, problem("An account with this e-mail address exists."));
            } else {
                accountExists = true;
                answer(exchange, 201, "{\"id\":\"" + UUID.randomUUID() + "\"}");
            }
        } else if (path.equals("/api/v1/sessions")) {
            if (body.path("email").asString().equals("sim@example.org")
                    && body.path("password").asString().equals("right")) {
                answer(exchange, 200, "{\"token\":\"tok-1\",\"personId\":\"" + UUID.randomUUID() + "\"}");
            } else {
                answer(exchange, 401, problem("Wrong e-mail address or password."));
            }
        } else if (!"Bearer tok-1".equals(authorization)) {
            answer(exchange, 401, problem("Log in first."));
        } else if (path.equals("/api/v1/sites")) {
            answer(
                    exchange,
                    201,
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\""
                            + body.path("name").asString() + "\"}");
        } else if (path.matches("/api/v1/sites/[0-9a-f-]+/devices")) {
            String serial = body.path("serialNumber").asString();
            answer(
                    exchange,
                    201,
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"serialNumber\":\"" + serial + "\",\"kind\":\""
                            + body.path("kind").asString() + "\",\"secret\":\"secret-of-" + serial + "\"}");
        } else {
            answer(exchange, 404, problem("No such endpoint"));
        }
    }

    private static String problem(String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"Refused\",\"detail\":\"" + detail + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

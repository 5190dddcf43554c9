package org.gridvault.simulator.mqtt;

import java.net.URI;
import java.util.Locale;

/**
 * An MQTT broker's address from a URI: {@code tcp://host:1883} (or {@code mqtt://}) for plain TCP, {@code ssl://} or
 * {@code mqtts://} for TLS; the port defaults to 1883 or 8883.
 */
public record BrokerAddress(String host, int port, boolean tls) {

    public static BrokerAddress parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Not a broker URI: '" + uri + "'. Use tcp://host:1883 or ssl://host:8883.");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "tls", "mqtts" -> true;
            default ->
                throw new IllegalArgumentException(
                        "Unknown broker scheme in '" + uri + "'. Use tcp://host:1883 or ssl://host:8883.");
        };
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("No host in broker URI '" + uri + "'. Use tcp://host:1883.");
        }
        int port = parsed.getPort() > 0 ? parsed.getPort() : tls ? 8883 : 1883;
        return new BrokerAddress(parsed.getHost(), port, tls);
    }

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }
}

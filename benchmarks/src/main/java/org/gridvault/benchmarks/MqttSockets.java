package org.gridvault.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The load generator's MQTT connections, served by one selector thread: a device costs the generator a socket write
 * per message and a share of a socket read for its acknowledgements, and almost nothing else, so on a 2-core machine
 * the generator leaves the server and PostgreSQL more of the CPU than a general-purpose client library does.
 *
 * <p>Every message is its own write (no batching of a device's messages into one segment by the generator), as a
 * device that publishes each reading when it is taken would send them.
 */
final class MqttSockets implements AutoCloseable {

    private final Selector selector;
    private final Thread thread;
    private volatile boolean running = true;

    MqttSockets() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().daemon().name("mqtt-sockets").start(this::loop);
    }

    /** Connects (blocking the calling thread until the CONNACK), then hands the connection to the selector thread. */
    Connection connect(int port, String clientId, String userName, String password) throws IOException {
        var channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.socket().setTcpNoDelay(true);
        channel.write(ByteBuffer.wrap(MqttWire.connect(clientId, userName, password, 600)));
        var in = ByteBuffer.allocate(256);
        MqttWire.Packet connack = null;
        while (connack == null) {
            if (channel.read(in) < 0) {
                throw new IOException("The server closed the connection of " + clientId);
            }
            in.flip();
            connack = MqttWire.next(in);
            in.compact();
        }
        if (connack.type() != MqttWire.CONNACK || connack.reasonCode() != 0) {
            throw new IOException("Not connected: CONNACK reason " + connack.reasonCode() + " for " + clientId);
        }
        channel.configureBlocking(false);
        var connection = new Connection(channel);
        connection.key = channel.register(selector.wakeup(), SelectionKey.OP_READ, connection);
        selector.wakeup();
        return connection;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loop() {
        while (running) {
            try {
                selector.select();
                for (var key : selector.selectedKeys()) {
                    var connection = (Connection) key.attachment();
                    if (key.isValid() && key.isWritable()) {
                        connection.flush();
                    }
                    if (key.isValid() && key.isReadable()) {
                        connection.read();
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    e.printStackTrace();
                }
            }
        }
    }

    /** One MQTT connection. Writes happen under its lock from any thread; reads only on the selector thread. */
    final class Connection {

        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
        private final Map<Integer, CompletableFuture<Void>> inFlight = new HashMap<>();
        private int lastPacketId;
        private SelectionKey key;

        private Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Sends a QoS 1 PUBLISH; the future completes on a successful PUBACK and fails on a refusal. */
        CompletableFuture<Void> publish(byte[] topic, byte[] payload) {
            var acknowledged = new CompletableFuture<Void>();
            synchronized (this) {
                do {
                    lastPacketId = lastPacketId % 65_535 + 1;
                } while (inFlight.containsKey(lastPacketId));
                inFlight.put(lastPacketId, acknowledged);
                send(ByteBuffer.wrap(MqttWire.publish(topic, lastPacketId, payload)));
            }
            return acknowledged;
        }

        synchronized void disconnect() {
            send(ByteBuffer.wrap(MqttWire.disconnect()));
        }

        private void send(ByteBuffer packet) {
            try {
                if (unsent.isEmpty()) {
                    channel.write(packet);
                }
                if (packet.hasRemaining()) {
                    unsent.add(packet);
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    selector.wakeup();
                }
            } catch (IOException e) {
                failAll(e);
            }
        }

        private synchronized void flush() throws IOException {
            while (!unsent.isEmpty()) {
                channel.write(unsent.peek());
                if (unsent.peek().hasRemaining()) {
                    return;
                }
                unsent.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            if (channel.read(in) < 0) {
                key.cancel();
                failAll(new IOException("The server closed the connection"));
                return;
            }
            in.flip();
            MqttWire.Packet packet;
            while ((packet = MqttWire.next(in)) != null) {
                if (packet.type() == MqttWire.PUBACK) {
                    CompletableFuture<Void> acknowledged;
                    synchronized (this) {
                        acknowledged = inFlight.remove(packet.packetId());
                    }
                    if (acknowledged != null) {
                        if (packet.reasonCode() < 0x80) {
                            acknowledged.complete(null);
                        } else {
                            acknowledged.completeExceptionally(
                                    new IllegalStateException("refused: reason code " + packet.reasonCode()));
                        }
                    }
                } else if (packet.type() == MqttWire.DISCONNECT) {
                    failAll(new IOException("The server disconnected: reason " + packet.reasonCode()));
                }
            }
            in.compact();
        }

        private void failAll(Exception e) {
            Map<Integer, CompletableFuture<Void>> failed;
            synchronized (this) {
                failed = new HashMap<>(inFlight);
                inFlight.clear();
            }
            failed.values().forEach(future -> future.completeExceptionally(e));
        }
    }
}

package org.gridvault.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The few MQTT 5 packets the load generator needs, encoded by hand: CONNECT with user name and password, QoS 1
 * PUBLISH, DISCONNECT, and the fixed header of what the server sends back (CONNACK, PUBACK). See the MQTT 5.0
 * specification, sections 2.1 (fixed header), 3.1 (CONNECT), 3.3 (PUBLISH) and 3.4 (PUBACK).
 */
final class MqttWire {

    static final int CONNACK = 2;
    static final int PUBACK = 4;
    static final int DISCONNECT = 14;

    private MqttWire() {}

    static byte[] connect(String clientId, String userName, String password, int keepAliveSeconds) {
        var body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(5); // protocol version
        body.write(0x80 | 0x40 | 0x02); // user name, password, clean start
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xff);
        body.write(0); // no properties
        string(body, clientId);
        string(body, userName);
        string(body, password);
        return packet(0x10, body.toByteArray());
    }

    /** A QoS 1 PUBLISH without properties. */
    static byte[] publish(byte[] topic, int packetId, byte[] payload) {
        int remaining = 2 + topic.length + 2 + 1 + payload.length;
        var buffer = ByteBuffer.allocate(1 + varIntSize(remaining) + remaining);
        buffer.put((byte) 0x32);
        varInt(buffer, remaining);
        buffer.putShort((short) topic.length).put(topic);
        buffer.putShort((short) packetId);
        buffer.put((byte) 0); // no properties
        buffer.put(payload);
        return buffer.array();
    }

    static byte[] disconnect() {
        return new byte[] {(byte) 0xe0, 0};
    }

    /**
     * The next whole packet in {@code buffer} (in read mode), as its type and body; null when the buffer does not yet
     * hold a whole packet (nothing is consumed then).
     */
    static Packet next(ByteBuffer buffer) {
        buffer.mark();
        if (buffer.remaining() < 2) {
            return null;
        }
        int type = (buffer.get() & 0xff) >> 4;
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            if (!buffer.hasRemaining()) {
                buffer.reset();
                return null;
            }
            int digit = buffer.get() & 0xff;
            length |= (digit & 0x7f) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        if (buffer.remaining() < length) {
            buffer.reset();
            return null;
        }
        var body = new byte[length];
        buffer.get(body);
        return new Packet(type, body);
    }

    record Packet(int type, byte[] body) {

        int packetId() {
            return ((body[0] & 0xff) << 8) | (body[1] & 0xff);
        }

        /** The reason code of a CONNACK or PUBACK (a PUBACK of only a packet id means success). */
        int reasonCode() {
            return switch (type) {
                case CONNACK -> body[1] & 0xff;
                case PUBACK -> body.length > 2 ? body[2] & 0xff : 0;
                default -> body.length > 0 ? body[0] & 0xff : 0;
            };
        }
    }

    private static byte[] packet(int firstByte, byte[] body) {
        var buffer = ByteBuffer.allocate(1 + varIntSize(body.length) + body.length);
        buffer.put((byte) firstByte);
        varInt(buffer, body.length);
        buffer.put(body);
        return buffer.array();
    }

    private static void string(ByteArrayOutputStream out, String value) {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }

    private static int varIntSize(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    private static void varInt(ByteBuffer buffer, int value) {
        do {
            int digit = value & 0x7f;
            value >>>= 7;
            buffer.put((byte) (value > 0 ? digit | 0x80 : digit));
        } while (value > 0);
    }
}

package org.gridvault.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridvault.TestDevices.publish;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.gridvault.ApiClient;
import org.gridvault.IntegrationTest;
import org.gridvault.MutableClock;
import org.gridvault.StoredSamples;
import org.gridvault.TestDevices;
import org.gridvault.TestDevices.TestDevice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When storage fails, the device is told so and nothing is acknowledged: it sends the same message again, and that
 * message is then stored, not taken for a duplicate. Storage is made to fail for one device only, by a trigger that
 * refuses its rows.
 */
@IntegrationTest
class StorageFailureIntegrationTests {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final TestDevices devices;
    private final StoredSamples samples;
    private final MutableClock clock;
    private final int mqttPort;

    StorageFailureIntegrationTests(
            ApiClient api, JdbcClient jdbc, MutableClock clock, @Value("${gridvault.mqtt.port}") int mqttPort) {
        this.api = api;
        this.jdbc = jdbc;
        this.devices = new TestDevices(api);
        this.samples = new StoredSamples(jdbc);
        this.clock = clock;
        this.mqttPort = mqttPort;
    }

    @Test
    void refusesTheMessageWhenStorageFailsAndStoresItWhenSentAgain() {
        var meter = devices.register("grid_meter");
        var message = "{\"ts\": \"%s\", \"seq\": 7, \"values\": {\"power_w\": 230}}"
                .formatted(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        var mqtt = meter.mqtt5(mqttPort);
        try {
            refuseRowsOf(meter);
            var refused = publish(mqtt, meter.topic("telemetry"), message);

            assertThat(refused.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.UNSPECIFIED_ERROR);
            assertThat(refused.getReasonString())
                    .hasValueSatisfying(reason -> assertThat(reason.toString()).contains("send again"));
            assertThat(samples.count(meter.uuid())).isZero();
            assertThat(mqtt.getState().isConnected()).isTrue();

            acceptRowsAgain(meter);
            var resent = publish(mqtt, meter.topic("telemetry"), message);

            assertThat(resent.getReasonCode()).isEqualTo(TestDevices.STORED);
            assertThat(samples.count(meter.uuid())).isOne();
            assertThat(devices.latest(meter).path("duplicates").asLong()).isZero();
        } finally {
            acceptRowsAgain(meter);
            mqtt.disconnect();
        }
    }

    @Test
    void closesTheConnectionOfAnMqtt3ClientWhenStorageFails() {
        var meter = devices.register("grid_meter");
        var message = "{\"ts\": \"%s\", \"seq\": 7, \"values\": {\"power_w\": 230}}"
                .formatted(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        var mqtt = meter.mqtt3(mqttPort);
        try {
            refuseRowsOf(meter);

            assertThatThrownBy(() -> publish3(mqtt, meter.topic("telemetry"), message))
                    .as("MQTT 3.1.1 has no negative PUBACK: the broker closes the connection instead")
                    .isInstanceOf(MqttSessionExpiredException.class);
            assertThat(samples.count(meter.uuid())).isZero();

            acceptRowsAgain(meter);
            var again = meter.mqtt3(mqttPort);
            publish3(again, meter.topic("telemetry"), message);
            again.disconnect();

            assertThat(samples.count(meter.uuid())).isOne();
        } finally {
            acceptRowsAgain(meter);
            if (mqtt.getState().isConnected()) {
                mqtt.disconnect();
            }
        }
    }

    @Test
    void answersServiceUnavailableOverHttpWhenStorageFails() {
        var meter = devices.register("grid_meter");
        var message = "{\"ts\": \"%s\", \"seq\": 7, \"values\": {\"power_w\": 230}}"
                .formatted(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            refuseRowsOf(meter);
            var refused = post(meter, message);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("telemetry:storage.busy");
            assertThat(refused.header("Retry-After")).hasValue("5");
            assertThat(samples.count(meter.uuid())).isZero();

            acceptRowsAgain(meter);
            var resent = post(meter, message);

            assertThat(resent.status()).as(resent.body()).isEqualTo(202);
            assertThat(resent.json().path("accepted").asInt()).isOne();
            assertThat(samples.count(meter.uuid())).isOne();
        } finally {
            acceptRowsAgain(meter);
        }
    }

    private static void publish3(Mqtt3BlockingClient client, String topic, String payload) {
        client.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private ApiClient.Response post(TestDevice device, String payload) {
        return api.send(api.request("/api/v1/devices/" + device.serial() + "/telemetry")
                .header("Authorization", device.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(payload)));
    }

    private void refuseRowsOf(TestDevice device) {
        jdbc.sql("""
                        create or replace function telemetry.refuse_sample() returns trigger language plpgsql as $$
                        begin
                            raise exception 'storage refuses samples of %', new.device_id;
                        end $$
                        """).update();
        jdbc.sql("create trigger %s before insert on telemetry.samples for each row when (new.device_id = '%s')"
                                .formatted(trigger(device), device.id())
                        + " execute function telemetry.refuse_sample()")
                .update();
    }

    private void acceptRowsAgain(TestDevice device) {
        jdbc.sql("drop trigger if exists %s on telemetry.samples".formatted(trigger(device)))
                .update();
    }

    private static String trigger(TestDevice device) {
        return "refuse_" + device.id().replace("-", "");
    }
}

package org.gridvault.benchmarks;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.interceptor.puback.PubackOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The broker GridVault embeds (HiveMQ Community Edition, same version, same listener and persistence settings) with
 * none of GridVault's work: any client may connect, and nothing is decoded or stored. Run by
 * {@link BrokerFloorBenchmark} as its own process, so its CPU is measured apart from the load generator's.
 *
 * <p>{@code --hold=receipt} acknowledges a QoS 1 message on receipt. {@code --hold=publish} holds every message in an
 * asynchronous publish interceptor, as GridVault's is held while its readings are written, and releases all held
 * messages together every {@code --release-every-millis}, as a write transaction commits: the broker's cost of
 * acknowledging after durable, without the cost of becoming durable. {@code --hold=puback} is the other way HiveMQ's
 * extension API allows: every message goes through at once and its PUBACK is held instead, until the release after
 * the message arrived.
 *
 * <p>Prints {@code ready} once it listens and stops when its standard input closes.
 */
public final class BareBroker {

    public static void main(String[] args) throws Exception {
        var options = Arguments.parse(args);
        int port = options.integer("port", 1883);
        var hold = options.string("hold", "receipt");
        int releaseEveryMillis = options.integer("release-every-millis", 20);
        var root = options.workDirectory("gridvault-bare-broker").toAbsolutePath();
        // As GridVaultApplication does: Netty's leak detector is a debugging aid.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        var conf = Files.createDirectories(root.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        var released = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "bench-release"));
        var releases = new Releases();
        if (!hold.equals("receipt")) {
            released.scheduleWithFixedDelay(
                    releases::releaseAll, releaseEveryMillis, releaseEveryMillis, TimeUnit.MILLISECONDS);
        }
        try (var broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(root.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(root.resolve("extensions")))
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("bare")
                        .withName("Anyone may connect")
                        .withVersion("1")
                        .withPriority(1000)
                        .withStartPriority(1000)
                        .withAuthor("GridVault benchmarks")
                        .withExtensionMain(
                                new Extension(hold.equals("receipt") ? null : releases, hold.equals("puback")))
                        .build())
                .withoutLoggingBootstrap()
                .build()) {
            broker.start().join();
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the benchmark closes our standard input (or ends)
            }
        } finally {
            released.shutdownNow();
        }
    }

    /**
     * Lets everyone in; with {@code releases} not null, holds every message ({@code acknowledgements} false) or every
     * PUBACK whose message has not been released yet ({@code acknowledgements} true).
     */
    private record Extension(Releases releases, boolean acknowledgements) implements ExtensionMain {

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthenticatorProvider(provider ->
                    (SimpleAuthenticator) (connect, result) -> result.authenticateSuccessfully());
            if (releases != null) {
                var heldPublishes = new HeldPublishes(releases);
                Services.initializerRegistry().setClientInitializer((initializer, client) -> {
                    if (acknowledgements) {
                        var held = new HeldAcknowledgements(releases);
                        client.addPublishInboundInterceptor(held);
                        client.addPubackOutboundInterceptor(held);
                    } else {
                        client.addPublishInboundInterceptor(heldPublishes);
                    }
                });
            }
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
    }

    /**
     * Stands in for write transactions: every message belongs to the release that follows its arrival, as a reading
     * belongs to the transaction that commits it. A release resumes everything held for it.
     */
    private static final class Releases {

        private final ConcurrentLinkedQueue<Async<?>> waiting = new ConcurrentLinkedQueue<>();
        private volatile long completed;

        long current() {
            return completed;
        }

        void hold(Async<?> async) {
            waiting.add(async);
        }

        void releaseAll() {
            completed++;
            var batch = new ArrayList<Async<?>>();
            Async<?> next;
            while ((next = waiting.poll()) != null) {
                batch.add(next);
            }
            batch.forEach(Async::resume);
        }
    }

    /** Holds every message as GridVault's interceptor does, until the next release lets it through. */
    private record HeldPublishes(Releases releases) implements PublishInboundInterceptor {

        @Override
        public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
            releases.hold(output.async(Duration.ofSeconds(10), TimeoutFallback.FAILURE));
        }
    }

    /**
     * Lets every message through at once and holds its PUBACK until the release after the message arrived. One
     * instance per connection. A connection's extension tasks run one after the other, so while one PUBACK is held the
     * next waits; once released, the PUBACKs of messages that arrived before that release pass without waiting.
     */
    private static final class HeldAcknowledgements implements PublishInboundInterceptor, PubackOutboundInterceptor {

        private final Releases releases;
        private final Map<Integer, Long> arrivedBefore = new ConcurrentHashMap<>();

        HeldAcknowledgements(Releases releases) {
            this.releases = releases;
        }

        @Override
        public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
            arrivedBefore.put(input.getPublishPacket().getPacketId(), releases.current());
        }

        @Override
        public void onOutboundPuback(PubackOutboundInput input, PubackOutboundOutput output) {
            var arrival = arrivedBefore.remove(input.getPubackPacket().getPacketIdentifier());
            if (arrival != null && arrival == releases.current()) {
                releases.hold(output.async(Duration.ofSeconds(10)));
            }
        }
    }
}

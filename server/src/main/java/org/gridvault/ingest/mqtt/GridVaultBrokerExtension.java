package org.gridvault.ingest.mqtt;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/** Plugs GridVault into the embedded broker: who may connect, where they may publish, and where telemetry goes. */
final class GridVaultBrokerExtension implements ExtensionMain {

    private final DeviceAuthenticator authenticator;
    private final TelemetryInterceptor interceptor;
    private final ConnectionStatusListener statusListener;

    GridVaultBrokerExtension(
            DeviceAuthenticator authenticator,
            TelemetryInterceptor interceptor,
            ConnectionStatusListener statusListener) {
        this.authenticator = authenticator;
        this.interceptor = interceptor;
        this.statusListener = statusListener;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        Services.initializerRegistry()
                .setClientInitializer((initializerInput, client) -> client.addPublishInboundInterceptor(interceptor));
        Services.eventRegistry().setClientLifecycleEventListener(providerInput -> statusListener);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
}

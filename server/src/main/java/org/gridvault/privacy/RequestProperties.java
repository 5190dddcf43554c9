package org.gridvault.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the data-subject request register (see {@code docs/privacy/requests.md}).
 *
 * @param jurisdictions deadline profiles by jurisdiction name (the names of {@code gridvault.privacy.region})
 * @param defaultJurisdiction the profile used when this node serves no region, or a region without a profile
 * @param dueSoon how close to its deadline a pending request counts as due soon in the operator's view
 * @param erasureRetry how often erasures that are not complete (a module failed or did not report) are tried again
 */
@Validated
@ConfigurationProperties("gridvault.privacy.requests")
public record RequestProperties(
        @NotEmpty Map<String, @Valid Jurisdiction> jurisdictions,
        @DefaultValue("eu") @NotBlank String defaultJurisdiction,
        @DefaultValue("3d") Duration dueSoon,
        @DefaultValue("5m") Duration erasureRetry) {

    /**
     * How long a request may take in one jurisdiction.
     *
     * @param deadline the time to answer, in calendar terms ({@code P1M} is one calendar month: 31 January to the
     *     last day of February)
     * @param extension how much longer the operator may take, once, with a reason and a notice to the person; absent
     *     where the law allows none
     */
    public record Jurisdiction(
            @NotNull Period deadline, @Nullable Period extension) {}
}

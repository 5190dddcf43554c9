package org.gridvault.sites;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sites module.
 *
 * @param regions the home regions a site may be registered in (where its data is kept), for example eu, sg, cn
 */
@Validated
@ConfigurationProperties("gridvault.sites")
public record SitesProperties(
        @DefaultValue({"eu", "sg", "cn"}) @NotEmpty List<String> regions) {}

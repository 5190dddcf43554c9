package org.gridvault.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The retention rules as {@code application.yml} ships them, bound without starting the application. */
public final class DefaultRetentionRules {

    private DefaultRetentionRules() {}

    public static RetentionRules load() {
        try {
            var sources =
                    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            var binder = new Binder(
                    ConfigurationPropertySources.from(sources), null, ApplicationConversionService.getSharedInstance());
            return RetentionRules.of(binder.bind("gridvault.retention", RetentionProperties.class)
                    .orElseThrow(() -> new IllegalStateException("application.yml has no gridvault.retention"))
                    .rules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.gridvault.privacy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local key file, unless a deployment provides its own {@link MasterKeys} (a KMS). */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MasterKeys masterKeys(PrivacyProperties properties) {
        return LocalKeyFile.openOrCreate(properties.keyFile());
    }
}

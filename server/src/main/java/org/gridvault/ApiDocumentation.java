package org.gridvault;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs} (Swagger UI) and {@code /api/docs/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI gridVaultApi() {
        return new OpenAPI()
                .info(new Info().title("GridVault API").version("v1").description("""
                                Sites, devices and their data, and the privacy controls around them.

                                Log in with `POST /api/v1/sessions` (or create a personal access token with \
                                `POST /api/v1/me/tokens`) and send the token as `Authorization: Bearer <token>`. \
                                Errors are RFC 9457 problem details; branch on their stable `code`."""))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A session token or personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

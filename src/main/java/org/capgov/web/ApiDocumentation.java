package org.capgov.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description behind Swagger UI: every endpoint under /api needs a bearer token (from
 * {@code POST /api/v1/auth/token} or an API token issued by an administrator), so the scheme is declared once and
 * required globally; Swagger UI then shows its Authorize button and protected calls can be tried from it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI capgovOpenApi() {
        return new OpenAPI()
                .info(new Info().title("产能治理平台接口 capgov API").version("v1")
                        .description("先调用 POST /api/v1/auth/token 取得令牌，点击 Authorize 填入后即可调用受保护的接口。"
                                + " Get a token from POST /api/v1/auth/token, then enter it under Authorize."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("接口令牌 API token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}

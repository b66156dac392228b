package io.parley.presentation.security;

import io.parley.core.port.in.AuthenticateApiKeyUseCase;
import io.parley.core.tenant.ApiKey;
import io.parley.core.tenant.Tenant;
import io.parley.presentation.rest.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves the tenant behind an X-Api-Key header, or answers 401. */
@ApplicationScoped
public class TenantAuthentication {

    private final AuthenticateApiKeyUseCase apiKeys;

    public TenantAuthentication(AuthenticateApiKeyUseCase apiKeys) {
        this.apiKeys = apiKeys;
    }

    public Tenant require(String apiKeyHeader, String authorization) {
        if (apiKeyHeader == null || apiKeyHeader.isBlank()) {
            if (BearerTokens.from(authorization).isPresent()) {
                throw ApiProblem.forbidden("peer access tokens cannot use this API; send the tenant's X-Api-Key");
            }
            throw ApiProblem.unauthorized("send the tenant's API key in X-Api-Key");
        }
        return apiKeys.authenticate(ApiKey.presented(apiKeyHeader))
                .orElseThrow(() -> ApiProblem.unauthorized("invalid API key"));
    }
}

package io.parley.presentation.security;

import io.parley.core.port.in.AuthenticateApiKeyUseCase;
import io.parley.core.tenant.ApiKey;
import io.parley.presentation.rest.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Guards the admin API with the configured bearer token, compared in constant time. */
@ApplicationScoped
public class AdminAuthentication {

    private final Optional<String> adminToken;
    private final AuthenticateApiKeyUseCase apiKeys;

    public AdminAuthentication(@ConfigProperty(name = "parley.admin-token") Optional<String> adminToken,
            AuthenticateApiKeyUseCase apiKeys) {
        this.adminToken = adminToken.filter(t -> !t.isBlank());
        this.apiKeys = apiKeys;
    }

    /** Passes for the admin token; 503 when none is configured, 403 for a tenant's API key, else 401. */
    public void require(String authorization) {
        if (adminToken.isEmpty()) {
            throw new ApiProblem(503, "admin_not_configured", "admin token not configured");
        }
        String presented = BearerTokens.from(authorization)
                .orElseThrow(() -> ApiProblem.unauthorized("send Authorization: Bearer <admin token>"));
        if (MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                adminToken.get().getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        if (apiKeys.authenticate(ApiKey.presented(presented)).isPresent()) {
            throw ApiProblem.forbidden("a tenant API key cannot use the admin API");
        }
        throw ApiProblem.unauthorized("invalid admin token");
    }
}

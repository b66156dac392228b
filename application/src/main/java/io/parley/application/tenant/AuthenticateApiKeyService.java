package io.parley.application.tenant;

import io.parley.core.port.in.AuthenticateApiKeyUseCase;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.tenant.ApiKey;
import io.parley.core.tenant.Tenant;
import java.util.Optional;

/** Looks a presented API key up by its hash. */
public class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {

    private final TenantRepository tenants;

    public AuthenticateApiKeyService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<Tenant> authenticate(ApiKey apiKey) {
        if (apiKey.value().isEmpty()) {
            return Optional.empty();
        }
        return tenants.findByApiKeyHash(apiKey.hash());
    }
}

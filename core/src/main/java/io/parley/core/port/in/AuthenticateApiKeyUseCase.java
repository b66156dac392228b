package io.parley.core.port.in;

import io.parley.core.tenant.ApiKey;
import io.parley.core.tenant.Tenant;
import java.util.Optional;

/** Finds the tenant an API key belongs to. */
public interface AuthenticateApiKeyUseCase {

    Optional<Tenant> authenticate(ApiKey apiKey);
}

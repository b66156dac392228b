package io.parley.core.port.out;

import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** Stores tenants and the hashes of their API keys. */
public interface TenantRepository {

    void create(Tenant tenant, String apiKeyHash);

    Optional<Tenant> findById(TenantId id);

    Optional<Tenant> findByApiKeyHash(String apiKeyHash);

    /** Stores a changed connection cap. */
    void update(Tenant tenant);
}

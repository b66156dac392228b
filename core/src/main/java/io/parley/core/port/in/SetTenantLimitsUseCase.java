package io.parley.core.port.in;

import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** Sets (or clears) a tenant's cap on live connections across the cluster. */
public interface SetTenantLimitsUseCase {

    Tenant setMaxConnections(TenantId tenantId, Optional<Integer> maxConnections);
}

package io.parley.application.tenant;

import io.parley.core.NotFoundException;
import io.parley.core.port.in.SetTenantLimitsUseCase;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** Changes a tenant's connection cap. */
public class SetTenantLimitsService implements SetTenantLimitsUseCase {

    private final TenantRepository tenants;

    public SetTenantLimitsService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public Tenant setMaxConnections(TenantId tenantId, Optional<Integer> maxConnections) {
        Tenant tenant = tenants.findById(tenantId)
                .orElseThrow(() -> new NotFoundException("tenant " + tenantId + " not found"))
                .withMaxConnections(maxConnections);
        tenants.update(tenant);
        return tenant;
    }
}

package io.parley.infrastructure.persistence;

import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;

/** Maps tenants between the domain and their table rows. */
final class TenantMapper {

    private TenantMapper() {
    }

    static TenantJpaEntity toEntity(Tenant tenant) {
        TenantJpaEntity e = new TenantJpaEntity();
        e.id = tenant.id().value();
        e.name = tenant.name();
        e.createdAt = tenant.createdAt();
        e.maxConnections = tenant.maxConnections().orElse(null);
        return e;
    }

    static Tenant toDomain(TenantJpaEntity e) {
        return new Tenant(new TenantId(e.id), e.name, e.createdAt, java.util.Optional.ofNullable(e.maxConnections));
    }
}

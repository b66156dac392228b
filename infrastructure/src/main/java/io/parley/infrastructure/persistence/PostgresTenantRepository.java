package io.parley.infrastructure.persistence;

import io.parley.core.port.out.TenantRepository;
import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Tenants and API key hashes in Postgres. */
@ApplicationScoped
@Transactional
@Typed(PostgresTenantRepository.class)
public class PostgresTenantRepository implements TenantRepository {

    @Override
    public void create(Tenant tenant, String apiKeyHash) {
        TenantMapper.toEntity(tenant).persist();
        ApiKeyJpaEntity key = new ApiKeyJpaEntity();
        key.keyHash = apiKeyHash;
        key.tenantId = tenant.id().value();
        key.createdAt = tenant.createdAt();
        key.persist();
    }

    @Override
    public void update(Tenant tenant) {
        TenantJpaEntity entity = TenantJpaEntity.findById(tenant.id().value());
        if (entity != null) {
            entity.maxConnections = tenant.maxConnections().orElse(null);
        }
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return TenantJpaEntity.<TenantJpaEntity>findByIdOptional(id.value()).map(TenantMapper::toDomain);
    }

    @Override
    public Optional<Tenant> findByApiKeyHash(String apiKeyHash) {
        return ApiKeyJpaEntity.<ApiKeyJpaEntity>findByIdOptional(apiKeyHash)
                .flatMap(key -> TenantJpaEntity.<TenantJpaEntity>findByIdOptional(key.tenantId))
                .map(TenantMapper::toDomain);
    }
}

package io.parley.infrastructure.persistence;

import io.parley.core.port.out.TenantRepository;
import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import io.parley.infrastructure.config.ParleyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The node's tenants: Postgres behind a short-lived cache, so a connect or an API request does not
 * spend a transaction on a tenant read a moment ago. Only tenants found are kept (an unknown key is
 * asked again each time), for {@code parley.cluster.tenant-cache-ttl}; a change made through this node
 * drops them at once, one made on another node shows here within that time. At most
 * {@value #MOST_ENTRIES} entries of each kind: past that the cache starts empty again.
 */
@ApplicationScoped
public class CachedTenants implements TenantRepository {

    static final int MOST_ENTRIES = 10_000;

    private final PostgresTenantRepository postgres;
    private final long ttlNanos;
    private final LongSupplier nanos;
    private final Map<TenantId, Kept> byId = new ConcurrentHashMap<>();
    private final Map<String, Kept> byKeyHash = new ConcurrentHashMap<>();

    /** A tenant as read, and until when it may be reused ({@link System#nanoTime}). */
    private record Kept(Tenant tenant, long until) {
    }

    @Inject
    public CachedTenants(PostgresTenantRepository postgres, ParleyConfig config) {
        this(postgres, config.cluster().tenantCacheTtl(), System::nanoTime);
    }

    CachedTenants(PostgresTenantRepository postgres, Duration ttl, LongSupplier nanos) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("parley.cluster.tenant-cache-ttl must not be negative");
        }
        this.postgres = postgres;
        this.ttlNanos = ttl.toNanos();
        this.nanos = nanos;
    }

    @Override
    public void create(Tenant tenant, String apiKeyHash) {
        postgres.create(tenant, apiKeyHash);
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return find(byId, id, postgres::findById);
    }

    @Override
    public Optional<Tenant> findByApiKeyHash(String apiKeyHash) {
        return find(byKeyHash, apiKeyHash, postgres::findByApiKeyHash);
    }

    @Override
    public void update(Tenant tenant) {
        postgres.update(tenant);
        byId.remove(tenant.id());
        byKeyHash.values().removeIf(kept -> kept.tenant().id().equals(tenant.id()));
    }

    /** The tenant kept under {@code key} while fresh, else as Postgres has it (kept when found). */
    private <K> Optional<Tenant> find(Map<K, Kept> cache, K key, Function<K, Optional<Tenant>> read) {
        Kept kept = cache.get(key);
        long now = nanos.getAsLong();
        if (kept != null && now - kept.until() < 0) {
            return Optional.of(kept.tenant());
        }
        Optional<Tenant> found = read.apply(key);
        if (found.isPresent() && ttlNanos > 0) {
            if (cache.size() >= MOST_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Kept(found.get(), now + ttlNanos));
        }
        return found;
    }
}

package io.parley.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedTenantsTest {

    private final AtomicLong now = new AtomicLong(42);
    private final StoredTenants postgres = new StoredTenants();
    private final CachedTenants tenants = new CachedTenants(postgres, Duration.ofSeconds(2), now::get);
    private final Tenant acme = new Tenant(new TenantId(UUID.randomUUID()), "Acme", Instant.EPOCH, Optional.empty());

    @Test
    void aTenantReadIsReusedUntilTheTtlEnds() {
        postgres.create(acme, "hash-1");

        assertThat(tenants.findById(acme.id())).contains(acme);
        assertThat(tenants.findByApiKeyHash("hash-1")).contains(acme);
        assertThat(tenants.findById(acme.id())).contains(acme);
        assertThat(tenants.findByApiKeyHash("hash-1")).contains(acme);
        assertThat(postgres.reads).isEqualTo(2);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(tenants.findById(acme.id())).contains(acme);
        assertThat(postgres.reads).isEqualTo(3);
    }

    @Test
    void aChangeThroughThisNodeShowsAtOnceAndOneElsewhereWithinTheTtl() {
        postgres.create(acme, "hash-1");
        tenants.findById(acme.id());
        tenants.findByApiKeyHash("hash-1");

        Tenant capped = new Tenant(acme.id(), "Acme", Instant.EPOCH, Optional.of(2));
        tenants.update(capped);
        assertThat(tenants.findById(acme.id())).contains(capped);
        assertThat(tenants.findByApiKeyHash("hash-1")).contains(capped);

        Tenant elsewhere = new Tenant(acme.id(), "Acme", Instant.EPOCH, Optional.of(5));
        postgres.update(elsewhere);
        assertThat(tenants.findById(acme.id())).as("within the ttl").contains(capped);
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(tenants.findById(acme.id())).contains(elsewhere);
    }

    @Test
    void anUnknownKeyIsAskedEveryTimeSoANewKeyWorksAtOnce() {
        assertThat(tenants.findByApiKeyHash("hash-new")).isEmpty();
        postgres.create(acme, "hash-new");
        assertThat(tenants.findByApiKeyHash("hash-new")).contains(acme);
    }

    @Test
    void aZeroTtlReadsPostgresEveryTime() {
        CachedTenants uncached = new CachedTenants(postgres, Duration.ZERO, now::get);
        postgres.create(acme, "hash-1");
        uncached.findById(acme.id());
        uncached.findById(acme.id());
        assertThat(postgres.reads).isEqualTo(2);
    }

    @Test
    void theCacheStaysBounded() {
        Tenant first = null;
        for (int i = 0; i <= CachedTenants.MOST_ENTRIES; i++) {
            Tenant tenant = new Tenant(new TenantId(UUID.randomUUID()), "t" + i, Instant.EPOCH, Optional.empty());
            first = first == null ? tenant : first;
            postgres.create(tenant, "h" + i);
            tenants.findById(tenant.id());
        }
        postgres.reads = 0;
        tenants.findById(first.id());
        assertThat(postgres.reads).as("past the bound the cache started again: the first tenant is read anew")
                .isEqualTo(1);
    }

    /** The tenants as Postgres holds them, counting reads. */
    private static final class StoredTenants extends PostgresTenantRepository {
        final Map<TenantId, Tenant> byId = new HashMap<>();
        final Map<String, TenantId> byKey = new HashMap<>();
        int reads;

        @Override
        public void create(Tenant tenant, String apiKeyHash) {
            byId.put(tenant.id(), tenant);
            byKey.put(apiKeyHash, tenant.id());
        }

        @Override
        public void update(Tenant tenant) {
            byId.put(tenant.id(), tenant);
        }

        @Override
        public Optional<Tenant> findById(TenantId id) {
            reads++;
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Tenant> findByApiKeyHash(String apiKeyHash) {
            reads++;
            return Optional.ofNullable(byKey.get(apiKeyHash)).map(byId::get);
        }
    }
}

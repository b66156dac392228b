package io.parley.presentation.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.core.port.out.TenantRepository;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.tenant.ApiKey;
import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link TenantRepository}, run against the adapter the application is wired with. */
@QuarkusTest
class TenantRepositoryContractTest {

    @Inject
    TenantRepository tenants;

    @Inject
    UnitOfWork unitOfWork;

    private static Tenant newTenant(String name) {
        return new Tenant(new TenantId(UUID.randomUUID()), name, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void storesATenantFoundByIdAndByItsKeyHash() {
        Tenant tenant = newTenant("Acme");
        ApiKey key = ApiKey.generate();
        tenants.create(tenant, key.hash());
        assertThat(tenants.findById(tenant.id())).contains(tenant);
        assertThat(tenants.findByApiKeyHash(key.hash())).contains(tenant);
        assertThat(tenants.findByApiKeyHash(ApiKey.generate().hash())).isEmpty();
        assertThat(tenants.findById(new TenantId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aFailedCreationLeavesNothingBehind() {
        ApiKey key = ApiKey.generate();
        tenants.create(newTenant("First"), key.hash());
        Tenant second = newTenant("Second");
        assertThatThrownBy(() -> tenants.create(second, key.hash())).isInstanceOf(RuntimeException.class);
        assertThat(tenants.findById(second.id())).isEmpty();
    }

    @Test
    void workInAUnitOfWorkIsRolledBackWhenItFails() {
        Tenant tenant = newTenant("Rolled back");
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            tenants.create(tenant, ApiKey.generate().hash());
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(tenants.findById(tenant.id())).isEmpty();
    }
}

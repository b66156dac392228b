package io.parley.application.tenant;

import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentId;
import io.parley.core.port.in.CreateTenantUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.tenant.ApiKey;
import io.parley.core.tenant.NewTenant;
import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import java.time.Clock;

/** Creates a tenant, its API key (stored hashed) and its default scripted agent in one transaction. */
public class CreateTenantService implements CreateTenantUseCase {

    private final TenantRepository tenants;
    private final AgentRepository agents;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateTenantService(TenantRepository tenants, AgentRepository agents, UnitOfWork unitOfWork,
            IdGenerator ids, Clock clock) {
        this.tenants = tenants;
        this.agents = agents;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public NewTenant create(String name) {
        Tenant tenant = new Tenant(new TenantId(ids.newId()), name, clock.instant());
        ApiKey apiKey = ApiKey.generate();
        Agent agent = Agent.defaultFor(new AgentId(ids.newId()), tenant.id());
        return unitOfWork.inTransaction(() -> {
            tenants.create(tenant, apiKey.hash());
            agents.saveDefault(agent);
            return new NewTenant(tenant, apiKey);
        });
    }
}

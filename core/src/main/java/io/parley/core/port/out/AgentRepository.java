package io.parley.core.port.out;

import io.parley.core.agent.Agent;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** Stores each tenant's agents; one of them is the tenant's default. */
public interface AgentRepository {

    /** Inserts or updates the tenant's default agent. */
    void saveDefault(Agent agent);

    Optional<Agent> findDefault(TenantId tenantId);
}

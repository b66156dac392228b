package io.parley.infrastructure.persistence;

import io.parley.core.agent.Agent;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Agents in Postgres. */
@ApplicationScoped
@Transactional
public class PostgresAgentRepository implements AgentRepository {

    private final Clock clock;

    public PostgresAgentRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void saveDefault(Agent agent) {
        AgentJpaEntity entity = AgentJpaEntity.<AgentJpaEntity>findByIdOptional(agent.id().value())
                .orElseGet(AgentJpaEntity::new);
        boolean isNew = entity.id == null;
        AgentMapper.copyInto(agent, entity);
        entity.isDefault = true;
        entity.updatedAt = clock.instant();
        if (isNew) {
            entity.persist();
        }
    }

    @Override
    public Optional<Agent> findDefault(TenantId tenantId) {
        return AgentJpaEntity.<AgentJpaEntity>find("tenantId = ?1 and isDefault = true", tenantId.value())
                .firstResultOptional()
                .map(AgentMapper::toDomain);
    }
}

package io.parley.infrastructure.persistence;

import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The session audit trail in Postgres. */
@ApplicationScoped
@Transactional
public class PostgresSessionEventRepository implements SessionEventRepository, io.parley.core.port.out.AuditTrail {

    @Override
    public void record(SessionEvent event) {
        SessionEventMapper.toEntity(event).persist();
    }

    @Override
    public List<SessionEvent> recent(TenantId tenantId, int limit) {
        return SessionEventJpaEntity.<SessionEventJpaEntity>find("tenantId", Sort.by("occurredAt").descending()
                        .and("id", Sort.Direction.Descending), tenantId.value())
                .page(Page.ofSize(limit)).list().stream()
                .map(SessionEventMapper::toDomain)
                .toList();
    }

    @Override
    public long deleteOlderThan(java.time.Instant cutoff) {
        return SessionEventJpaEntity.delete("occurredAt < ?1", cutoff);
    }
}

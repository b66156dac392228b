package io.parley.infrastructure.persistence;

import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.Session;

/** The session audit trail in Postgres. */
@ApplicationScoped
@Transactional
public class PostgresSessionEventRepository implements SessionEventRepository {

    @Override
    public void recordAll(List<SessionEvent> events) {
        SessionEventJpaEntity.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(SessionEventMapper.INSERT)) {
                for (SessionEvent event : events) {
                    SessionEventMapper.bind(insert, event);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
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

package io.parley.infrastructure.persistence;

import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/** The session audit trail in Postgres: batched inserts, newest-first reads, pruning in bounded batches. */
@ApplicationScoped
@Transactional
public class PostgresSessionEventRepository implements SessionEventRepository {

    /** Rows one pruning statement deletes at most; each batch commits on its own, so locks stay short. */
    private static final int PRUNE_BATCH = 5_000;

    private static final String DELETE_OLDEST = "delete from session_events where id in (select id from session_events"
            + " where occurred_at < ?1 order by occurred_at limit ?2)";

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
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long deleteOlderThan(Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> SessionEventJpaEntity.getEntityManager()
                    .createNativeQuery(DELETE_OLDEST).setParameter(1, cutoff).setParameter(2, PRUNE_BATCH)
                    .executeUpdate());
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }
}

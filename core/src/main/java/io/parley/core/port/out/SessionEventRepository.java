package io.parley.core.port.out;

import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import java.util.List;

/** The audit trail of client sessions. */
public interface SessionEventRepository {

    void record(SessionEvent event);

    /** A tenant's most recent events, newest first. */
    List<SessionEvent> recent(TenantId tenantId, int limit);

    /** Deletes every event older than the cutoff; returns how many. */
    long deleteOlderThan(java.time.Instant cutoff);
}

package io.parley.core.port.out;

import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** The stored audit trail of client sessions (written through {@link AuditTrail}). */
public interface SessionEventRepository {

    /** Stores the events together: all of them or, on failure, none. */
    void recordAll(List<SessionEvent> events);

    /** A tenant's most recent events, newest first. */
    List<SessionEvent> recent(TenantId tenantId, int limit);

    /** Deletes every event older than the cutoff, a bounded batch at a time; returns how many. */
    long deleteOlderThan(Instant cutoff);
}

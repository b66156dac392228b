package io.parley.infrastructure.audit;

import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** What makes two refusals the same, so that they are stored as one row with a count. */
record RefusalKey(SessionEventType type, Optional<TenantId> tenant, Optional<String> peer, Optional<String> reason) {

    static RefusalKey of(SessionEvent refusal) {
        return new RefusalKey(refusal.type(), refusal.tenantId(), refusal.peerId(), refusal.reason());
    }

    /** The same refusal from any peer. */
    RefusalKey withoutPeer() {
        return new RefusalKey(type, tenant, Optional.empty(), reason);
    }
}

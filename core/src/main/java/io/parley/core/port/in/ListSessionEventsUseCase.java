package io.parley.core.port.in;

import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import java.util.List;

/** Reads a tenant's recent session audit events. */
public interface ListSessionEventsUseCase {

    List<SessionEvent> recent(TenantId tenantId, int limit);
}

package io.parley.application.session;

import io.parley.core.InvalidInputException;
import io.parley.core.port.in.ListSessionEventsUseCase;
import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import java.util.List;

/** Reads a tenant's recent session audit trail (at most 500 events). */
public class ListSessionEventsService implements ListSessionEventsUseCase {

    static final int MAX_LIMIT = 500;

    private final SessionEventRepository events;

    public ListSessionEventsService(SessionEventRepository events) {
        this.events = events;
    }

    @Override
    public List<SessionEvent> recent(TenantId tenantId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.invalid("limit must be 1-" + MAX_LIMIT);
        }
        return events.recent(tenantId, limit);
    }
}

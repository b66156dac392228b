package io.parley.application.session;

import io.parley.core.port.in.PruneAuditTrailUseCase;
import io.parley.core.port.out.SessionEventRepository;
import java.time.Clock;
import java.time.Duration;

/** Keeps the session audit trail to the retention period. */
public class PruneAuditTrailService implements PruneAuditTrailUseCase {

    private final SessionEventRepository events;
    private final Duration retention;
    private final Clock clock;

    public PruneAuditTrailService(SessionEventRepository events, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        this.events = events;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public long prune() {
        return events.deleteOlderThan(clock.instant().minus(retention));
    }
}

package io.parley.infrastructure.persistence;

import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Maps session audit events between the domain and their table rows. */
final class SessionEventMapper {

    private static final int MAX_REASON = 500;

    private SessionEventMapper() {
    }

    static SessionEventJpaEntity toEntity(SessionEvent event) {
        SessionEventJpaEntity e = new SessionEventJpaEntity();
        e.type = event.type().code();
        e.occurredAt = event.at();
        e.tenantId = event.tenantId().map(TenantId::value).orElse(null);
        e.peerId = event.peerId().orElse(null);
        e.sessionId = event.sessionId().map(SessionId::value).orElse(null);
        e.reason = event.reason().map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r).orElse(null);
        e.durationMs = event.duration().map(Duration::toMillis).orElse(null);
        e.messageCount = event.messageCount();
        e.tokensUsed = event.tokensUsed();
        return e;
    }

    static SessionEvent toDomain(SessionEventJpaEntity e) {
        return new SessionEvent(SessionEventType.valueOf(e.type.toUpperCase(Locale.ROOT)), e.occurredAt,
                Optional.ofNullable(e.tenantId).map(TenantId::new), Optional.ofNullable(e.peerId),
                Optional.ofNullable(e.sessionId).map(SessionId::new), Optional.ofNullable(e.reason),
                Optional.ofNullable(e.durationMs).map(Duration::ofMillis), e.messageCount, e.tokensUsed);
    }
}

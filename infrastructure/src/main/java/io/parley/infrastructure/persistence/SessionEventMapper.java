package io.parley.infrastructure.persistence;

import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Maps session audit events between the domain and their table rows. */
final class SessionEventMapper {

    /**
     * Inserts one row, unless its tenant no longer exists: deleting a tenant deletes its events, so
     * one still waiting in the buffer is skipped rather than failing its batch forever. {@link #bind}
     * fills the parameters.
     */
    static final String INSERT = "insert into session_events (type, occurred_at, peer_id, session_id, reason,"
            + " duration_ms, message_count, tokens_used, occurrences, tenant_id)"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, t.id from (select cast(? as uuid) as id) t"
            + " where t.id is null or exists (select 1 from tenants where tenants.id = t.id)";

    private static final int MAX_REASON = 500;

    private SessionEventMapper() {
    }

    static void bind(PreparedStatement insert, SessionEvent event) throws SQLException {
        insert.setString(1, event.type().code());
        insert.setObject(2, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
        insert.setString(3, event.peerId().orElse(null));
        insert.setObject(4, event.sessionId().map(SessionId::value).orElse(null), Types.OTHER);
        insert.setString(5, event.reason().map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r)
                .orElse(null));
        insert.setObject(6, event.duration().map(Duration::toMillis).orElse(null), Types.BIGINT);
        insert.setLong(7, event.messageCount());
        insert.setLong(8, event.tokensUsed());
        insert.setInt(9, event.occurrences());
        insert.setString(10, event.tenantId().map(t -> t.value().toString()).orElse(null));
    }

    static SessionEvent toDomain(SessionEventJpaEntity e) {
        return new SessionEvent(SessionEventType.valueOf(e.type.toUpperCase(Locale.ROOT)), e.occurredAt,
                Optional.ofNullable(e.tenantId).map(TenantId::new), Optional.ofNullable(e.peerId),
                Optional.ofNullable(e.sessionId).map(SessionId::new), Optional.ofNullable(e.reason),
                Optional.ofNullable(e.durationMs).map(Duration::ofMillis), e.messageCount, e.tokensUsed,
                e.occurrences);
    }
}

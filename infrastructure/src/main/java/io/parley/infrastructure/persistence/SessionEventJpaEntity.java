package io.parley.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the session_events audit table. */
@Entity
@Table(name = "session_events")
public class SessionEventJpaEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 20)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "peer_id", length = 64)
    public String peerId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(length = 500)
    public String reason;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "message_count", nullable = false)
    public long messageCount;

    @Column(name = "tokens_used", nullable = false)
    public long tokensUsed;

    @Column(nullable = false)
    public int occurrences;
}

package io.parley.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the calls table (its status history is kept in call_status_changes). */
@Entity
@Table(name = "calls")
public class CallJpaEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(nullable = false, length = 10)
    public String provider;

    @Column(name = "provider_call_id", nullable = false, length = 100)
    public String providerCallId;

    @Column(name = "from_number", nullable = false, length = 64)
    public String fromNumber;

    @Column(name = "to_number", nullable = false, length = 64)
    public String toNumber;

    @Column(nullable = false, length = 10)
    public String direction;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Column(name = "stream_id", length = 100)
    public String streamId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "duration_seconds")
    public Long durationSeconds;

    @Column(name = "ended_reason", length = 200)
    public String endedReason;

    @Column(length = 20000)
    public String summary;
}

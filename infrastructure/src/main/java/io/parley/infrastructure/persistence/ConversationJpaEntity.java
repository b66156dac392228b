package io.parley.infrastructure.persistence;

import io.parley.core.conversation.Channel;
import io.parley.core.conversation.ConversationStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the conversations table (turns are kept in their own table). */
@Entity
@Table(name = "conversations")
public class ConversationJpaEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "peer_id", nullable = false, length = 64)
    public String peerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Channel channel;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public ConversationStatus status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}

package io.parley.core.conversation;

import io.parley.core.agent.AgentId;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A conversation between one peer of a tenant and an agent, with its turns in order. */
public final class Conversation {

    private final ConversationId id;
    private final TenantId tenantId;
    private final PeerId peerId;
    private final Channel channel;
    private final AgentId agentId;
    private final Instant startedAt;
    private ConversationStatus status;
    private Instant endedAt;
    private final List<Turn> turns;

    public Conversation(ConversationId id, TenantId tenantId, PeerId peerId, Channel channel, AgentId agentId,
            Instant startedAt, ConversationStatus status, Instant endedAt, List<Turn> turns) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.peerId = Objects.requireNonNull(peerId);
        this.channel = Objects.requireNonNull(channel);
        this.agentId = Objects.requireNonNull(agentId);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.status = Objects.requireNonNull(status);
        this.endedAt = endedAt;
        this.turns = new ArrayList<>(turns);
    }

    /** A new, empty, active conversation. */
    public static Conversation start(ConversationId id, TenantId tenantId, PeerId peerId, Channel channel,
            AgentId agentId, Instant at) {
        return new Conversation(id, tenantId, peerId, channel, agentId, at, ConversationStatus.ACTIVE, null, List.of());
    }

    /** Whether this peer of this tenant may add turns to the conversation. */
    public boolean isContinuableBy(TenantId tenant, PeerId peer) {
        return status == ConversationStatus.ACTIVE && tenantId.equals(tenant) && peerId.equals(peer);
    }

    public void end(Instant at) {
        if (status == ConversationStatus.ACTIVE) {
            status = ConversationStatus.ENDED;
            endedAt = at;
        }
    }

    public ConversationId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public PeerId peerId() {
        return peerId;
    }

    public Channel channel() {
        return channel;
    }

    public AgentId agentId() {
        return agentId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public ConversationStatus status() {
        return status;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public List<Turn> turns() {
        return List.copyOf(turns);
    }
}

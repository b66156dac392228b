package io.parley.core.session;

import io.parley.core.conversation.ConversationId;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One live client connection: who it is, how long it has been there and what it has used. */
public final class ClientSession {

    private final SessionId id;
    private final PeerId peerId;
    private final TenantId tenantId;
    private final Instant connectedAt;
    private SessionState state = SessionState.CONNECTING;
    private Instant lastActivityAt;
    private Instant closedAt;
    private long messageCount;
    private long tokensUsed;
    private ConversationId currentConversationId;

    public ClientSession(SessionId id, PeerId peerId, TenantId tenantId, Instant connectedAt) {
        this.id = Objects.requireNonNull(id);
        this.peerId = Objects.requireNonNull(peerId);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.connectedAt = Objects.requireNonNull(connectedAt);
        this.lastActivityAt = connectedAt;
    }

    public synchronized void open() {
        if (state != SessionState.CONNECTING) {
            throw new IllegalStateException("session " + id + " is " + state);
        }
        state = SessionState.OPEN;
    }

    /** Counts one handled message and the tokens the agent spent on it. */
    public synchronized void recordActivity(long tokens, Instant at) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
        messageCount++;
        tokensUsed += tokens;
        lastActivityAt = at;
    }

    /** Closes the session; returns false when it was already closed. */
    public synchronized boolean close(Instant at) {
        if (state == SessionState.CLOSED) {
            return false;
        }
        state = SessionState.CLOSED;
        closedAt = at;
        return true;
    }

    /** Time connected so far, or in total once closed. */
    public synchronized Duration duration(Clock clock) {
        Instant end = closedAt != null ? closedAt : clock.instant();
        return Duration.between(connectedAt, end);
    }

    public synchronized void continueConversation(ConversationId conversationId) {
        this.currentConversationId = conversationId;
    }

    public synchronized Optional<ConversationId> currentConversationId() {
        return Optional.ofNullable(currentConversationId);
    }

    public SessionId id() {
        return id;
    }

    public PeerId peerId() {
        return peerId;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public synchronized SessionState state() {
        return state;
    }

    public synchronized Instant lastActivityAt() {
        return lastActivityAt;
    }

    public synchronized long messageCount() {
        return messageCount;
    }

    public synchronized long tokensUsed() {
        return tokensUsed;
    }
}

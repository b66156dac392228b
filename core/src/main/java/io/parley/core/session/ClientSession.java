package io.parley.core.session;

import io.parley.core.conversation.ConversationId;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.RoomName;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
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
    private final String resumeToken;
    private String priorTokenHash;
    private final Set<RoomName> rooms = new LinkedHashSet<>();

    public ClientSession(SessionId id, PeerId peerId, TenantId tenantId, Instant connectedAt) {
        this(id, peerId, tenantId, connectedAt, "");
    }

    public ClientSession(SessionId id, PeerId peerId, TenantId tenantId, Instant connectedAt, String resumeToken) {
        this(id, peerId, tenantId, connectedAt, resumeToken, Optional.empty());
    }

    /**
     * A session that resumed with a token whose hash is {@code priorTokenHash}: until its client has been
     * sent the new token (its welcome), the prior one still resumes it, so a resume whose socket drops
     * before the welcome costs the client nothing.
     */
    public ClientSession(SessionId id, PeerId peerId, TenantId tenantId, Instant connectedAt, String resumeToken,
            Optional<String> priorTokenHash) {
        this.priorTokenHash = priorTokenHash.orElse(null);
        this.resumeToken = Objects.requireNonNull(resumeToken);
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

    /** Notes that the client was heard from (any frame), for idle detection. */
    public synchronized void touch(Instant at) {
        if (at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
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

    /** Adds a room; returns false when the session was already in it. A closed session enters no room. */
    public synchronized boolean enter(RoomName room) {
        if (state == SessionState.CLOSED) {
            throw new IllegalStateException("session " + id + " is closed");
        }
        return rooms.add(room);
    }

    /** Removes a room; returns false when the session was not in it. */
    public synchronized boolean exit(RoomName room) {
        return rooms.remove(room);
    }

    public synchronized Set<RoomName> rooms() {
        return Set.copyOf(rooms);
    }

    public String resumeToken() {
        return resumeToken;
    }

    /** The hash of the token this session was resumed with, while its client may not know the new one. */
    public synchronized Optional<String> priorTokenHash() {
        return Optional.ofNullable(priorTokenHash);
    }

    /** The client was sent its welcome, with the new token: the prior one no longer resumes the session. */
    public synchronized void welcomed() {
        priorTokenHash = null;
    }

    public PeerAddress address() {
        return new PeerAddress(tenantId, peerId);
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

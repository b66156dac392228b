package io.parley.core.session;

import io.parley.core.StorableText;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audit record about a client session. Tenant, peer and session are absent when the event
 * happened before they were known (a failed authentication). A refusal repeated in a short window
 * is one record that counts its {@code occurrences} and carries the time and details of the first. A
 * reason may quote the client (its close reason), so NULs in it are replaced.
 */
public record SessionEvent(
        SessionEventType type,
        Instant at,
        Optional<TenantId> tenantId,
        Optional<String> peerId,
        Optional<SessionId> sessionId,
        Optional<String> reason,
        Optional<Duration> duration,
        long messageCount,
        long tokensUsed,
        int occurrences) {

    public SessionEvent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(at);
        reason = reason.map(StorableText::scrub);
        if (occurrences < 1) {
            throw new IllegalArgumentException("occurrences must be at least 1");
        }
    }

    /**
     * A telephony request refused: the tenant when known, the provider (as peer) and why. Never carries
     * the secret or signature that failed.
     */
    public static SessionEvent callRefused(Optional<TenantId> tenant, String provider, String reason, Instant at) {
        return new SessionEvent(SessionEventType.CALL_REFUSED, at, tenant, Optional.of(provider), Optional.empty(),
                Optional.of(reason), Optional.empty(), 0, 0, 1);
    }

    public static SessionEvent connected(ClientSession s, Instant at) {
        return new SessionEvent(SessionEventType.CONNECTED, at, Optional.of(s.tenantId()), Optional.of(s.peerId().value()),
                Optional.of(s.id()), Optional.empty(), Optional.empty(), 0, 0, 1);
    }

    public static SessionEvent disconnected(ClientSession s, String reason, Duration duration, Instant at) {
        return new SessionEvent(SessionEventType.DISCONNECTED, at, Optional.of(s.tenantId()), Optional.of(s.peerId().value()),
                Optional.of(s.id()), Optional.ofNullable(reason), Optional.of(duration), s.messageCount(), s.tokensUsed(),
                1);
    }

    public static SessionEvent rateLimited(ClientSession s, Instant at) {
        return new SessionEvent(SessionEventType.RATE_LIMITED, at, Optional.of(s.tenantId()), Optional.of(s.peerId().value()),
                Optional.of(s.id()), Optional.of("messages per minute exceeded"), Optional.empty(), s.messageCount(),
                s.tokensUsed(), 1);
    }

    public static SessionEvent capacityRefused(TenantId tenantId, PeerId peerId, String reason, Instant at) {
        return new SessionEvent(SessionEventType.CAPACITY_REFUSED, at, Optional.of(tenantId), Optional.of(peerId.value()),
                Optional.empty(), Optional.of(reason), Optional.empty(), 0, 0, 1);
    }

    /** A refused authentication; the peer id is whatever the client claimed, kept only if well-formed. */
    public static SessionEvent authFailed(Optional<TenantId> tenantId, String claimedPeer, String reason, Instant at) {
        Optional<String> peer = PeerId.isValid(claimedPeer) ? Optional.of(claimedPeer) : Optional.empty();
        return new SessionEvent(SessionEventType.AUTH_FAILED, at, tenantId, peer, Optional.empty(), Optional.of(reason),
                Optional.empty(), 0, 0, 1);
    }

    /** The same event, counted {@code count} times. */
    public SessionEvent times(int count) {
        return new SessionEvent(type, at, tenantId, peerId, sessionId, reason, duration, messageCount, tokensUsed,
                count);
    }

    /** The same event without naming the peer or its session. */
    public SessionEvent withoutPeer() {
        return new SessionEvent(type, at, tenantId, Optional.empty(), Optional.empty(), reason, duration, messageCount,
                tokensUsed, occurrences);
    }
}

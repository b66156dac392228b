package io.parley.core.call;

import io.parley.core.conversation.ConversationId;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone call a tenant's agent takes: who called which number through which provider, its
 * conversation, and its status history (oldest first). {@code endedReason} and {@code summary} come
 * from providers that report them (Vapi).
 */
public record Call(
        CallId id,
        TenantId tenantId,
        TelephonyProvider provider,
        String providerCallId,
        String from,
        String to,
        CallDirection direction,
        CallStatus status,
        ConversationId conversationId,
        Instant startedAt,
        Optional<Instant> endedAt,
        Optional<Duration> duration,
        Optional<String> endedReason,
        Optional<String> summary,
        List<CallStatusChange> history) {

    public Call {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(providerCallId);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(status);
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(startedAt);
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        history = List.copyOf(history);
    }
}

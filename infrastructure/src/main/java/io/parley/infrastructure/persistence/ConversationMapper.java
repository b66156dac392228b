package io.parley.infrastructure.persistence;

import io.parley.core.agent.AgentId;
import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.conversation.TurnMetrics;
import java.util.OptionalLong;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.util.List;

/** Maps conversations and turns between the domain and their table rows. */
final class ConversationMapper {

    private ConversationMapper() {
    }

    static ConversationJpaEntity toEntity(Conversation c) {
        ConversationJpaEntity e = new ConversationJpaEntity();
        e.id = c.id().value();
        e.tenantId = c.tenantId().value();
        e.peerId = c.peerId().value();
        e.channel = c.channel();
        e.agentId = c.agentId().value();
        e.status = c.status();
        e.startedAt = c.startedAt();
        e.endedAt = c.endedAt().orElse(null);
        return e;
    }

    static Conversation toDomain(ConversationJpaEntity e, List<TurnJpaEntity> turns) {
        return new Conversation(new ConversationId(e.id), new TenantId(e.tenantId), new PeerId(e.peerId), e.channel,
                new AgentId(e.agentId), e.startedAt, e.status, e.endedAt,
                turns.stream().map(ConversationMapper::toDomain).toList());
    }

    static Turn toDomain(TurnJpaEntity e) {
        return new Turn(e.role, e.text, e.spokenAt, e.tokens, e.interrupted, new TurnMetrics(unboxed(e.sttLatencyMs),
                unboxed(e.llmFirstTokenMs), unboxed(e.ttsFirstByteMs), unboxed(e.userToBotMs)));
    }

    private static OptionalLong unboxed(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}

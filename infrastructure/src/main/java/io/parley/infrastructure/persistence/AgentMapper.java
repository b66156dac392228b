package io.parley.infrastructure.persistence;

import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentId;
import io.parley.core.agent.ScriptedRule;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** Maps agents between the domain and their table rows. */
final class AgentMapper {

    private AgentMapper() {
    }

    static void copyInto(Agent agent, AgentJpaEntity e) {
        e.id = agent.id().value();
        e.tenantId = agent.tenantId().value();
        e.name = agent.name();
        e.kind = agent.kind();
        e.greeting = agent.greeting();
        e.systemPrompt = agent.systemPrompt();
        e.model = agent.model().orElse(null);
        e.rules = agent.rules().stream().map(r -> new AgentJpaEntity.RuleJson(r.keywords(), r.reply(), r.endsCall())).toList();
        e.fallback = agent.fallback();
    }

    static Agent toDomain(AgentJpaEntity e) {
        return new Agent(new AgentId(e.id), new TenantId(e.tenantId), e.name, e.kind, e.greeting, e.systemPrompt,
                Optional.ofNullable(e.model),
                e.rules.stream().map(r -> new ScriptedRule(r.keywords(), r.reply(), r.endsCall())).toList(), e.fallback);
    }
}

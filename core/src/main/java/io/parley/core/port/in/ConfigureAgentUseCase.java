package io.parley.core.port.in;

import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.ScriptedRule;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Replaces the configuration of a tenant's default agent. */
public interface ConfigureAgentUseCase {

    Agent configureDefault(Command command);

    /** The new configuration; validated when the agent is built from it. */
    record Command(TenantId tenantId, String name, AgentKind kind, String greeting, String systemPrompt,
            Optional<String> model, List<ScriptedRule> rules, String fallback) {
    }
}

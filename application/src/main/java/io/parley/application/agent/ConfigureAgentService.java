package io.parley.application.agent;

import io.parley.core.NotFoundException;
import io.parley.core.agent.Agent;
import io.parley.core.port.in.ConfigureAgentUseCase;
import io.parley.core.port.out.AgentRepository;

/** Validates and stores a new configuration for a tenant's default agent. */
public class ConfigureAgentService implements ConfigureAgentUseCase {

    private final AgentRepository agents;

    public ConfigureAgentService(AgentRepository agents) {
        this.agents = agents;
    }

    @Override
    public Agent configureDefault(Command c) {
        Agent current = agents.findDefault(c.tenantId())
                .orElseThrow(() -> new NotFoundException("tenant has no default agent"));
        Agent updated = current.reconfigured(c.name(), c.kind(), c.greeting(), c.systemPrompt(), c.model(),
                c.rules(), c.fallback());
        agents.saveDefault(updated);
        return updated;
    }
}

package io.parley.presentation.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.ScriptedRule;
import io.parley.core.port.in.CreateTenantUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.tenant.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link AgentRepository}. */
@QuarkusTest
class AgentRepositoryContractTest {

    @Inject
    AgentRepository agents;

    @Inject
    CreateTenantUseCase createTenant;

    @Test
    void everyNewTenantHasAScriptedDefaultAgent() {
        TenantId tenant = createTenant.create("With agent").tenant().id();
        Agent agent = agents.findDefault(tenant).orElseThrow();
        assertThat(agent.kind()).isEqualTo(AgentKind.SCRIPTED);
        assertThat(agent.tenantId()).isEqualTo(tenant);
        assertThat(agent.rules()).isNotEmpty();
    }

    @Test
    void reconfiguringReplacesTheDefaultAndRoundTripsEveryField() {
        TenantId tenant = createTenant.create("Reconfigured").tenant().id();
        Agent original = agents.findDefault(tenant).orElseThrow();
        Agent updated = original.reconfigured("Ada", AgentKind.LLM, "Hello", "Be brief", Optional.of("m-1"),
                List.of(new ScriptedRule(List.of("price", "cost"), "Ten"), new ScriptedRule(List.of("bye"), "Bye")),
                "Sorry");
        agents.saveDefault(updated);
        assertThat(agents.findDefault(tenant)).contains(updated);
    }

    @Test
    void aTenantWithoutAgentsHasNoDefault() {
        assertThat(agents.findDefault(new TenantId(UUID.randomUUID()))).isEmpty();
    }
}

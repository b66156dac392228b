package io.parley.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.core.InvalidInputException;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentTest {

    private final TenantId tenant = new TenantId(UUID.randomUUID());

    private Agent scripted(List<ScriptedRule> rules, String fallback) {
        return new Agent(new AgentId(UUID.randomUUID()), tenant, "Bot", AgentKind.SCRIPTED, "Hi", "", Optional.empty(),
                rules, fallback);
    }

    @Test
    void firstRuleWhoseKeywordAppearsWinsIgnoringCase() {
        Agent agent = scripted(List.of(new ScriptedRule(List.of("Price", "cost"), "Ten euros"),
                new ScriptedRule(List.of("price"), "never")), "Ask again");
        assertThat(agent.scriptedReply("what's the PRICE?")).isEqualTo("Ten euros");
        assertThat(agent.scriptedReply("does it cost much")).isEqualTo("Ten euros");
    }

    @Test
    void fallbackWhenNoRuleMatches() {
        assertThat(scripted(List.of(new ScriptedRule(List.of("price"), "x")), "Ask again").scriptedReply("hello"))
                .isEqualTo("Ask again");
        assertThat(scripted(List.of(), "Only fallback").scriptedReply("anything")).isEqualTo("Only fallback");
    }

    @Test
    void defaultAgentIsScriptedAndGreets() {
        Agent agent = Agent.defaultFor(new AgentId(UUID.randomUUID()), tenant);
        assertThat(agent.kind()).isEqualTo(AgentKind.SCRIPTED);
        assertThat(agent.scriptedReply("hi there")).isEqualTo("Hello! How can I help you today?");
    }

    @Test
    void rejectsMissingNameFallbackAndBadRules() {
        assertThatThrownBy(() -> scripted(List.of(), " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fallback");
        assertThatThrownBy(() -> new ScriptedRule(List.of(), "r")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ScriptedRule(List.of("k"), "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ScriptedRule(java.util.Arrays.asList("k", null), "r"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void blankModelMeansNone() {
        Agent agent = new Agent(new AgentId(UUID.randomUUID()), tenant, "Bot", AgentKind.LLM, null, null,
                Optional.of("  "), null, "f");
        assertThat(agent.model()).isEmpty();
        assertThat(agent.greeting()).isEmpty();
        assertThat(agent.rules()).isEmpty();
    }

    @Test
    void kindParsesCaseInsensitivelyAndRejectsOthers() {
        assertThat(AgentKind.parse("LLM")).isEqualTo(AgentKind.LLM);
        assertThat(AgentKind.parse(" scripted ")).isEqualTo(AgentKind.SCRIPTED);
        assertThatThrownBy(() -> AgentKind.parse("robot")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AgentKind.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nulInAnyTextFieldIsRefusedNamingTheField() {
        AgentId id = new AgentId(UUID.randomUUID());
        assertThatThrownBy(() -> new Agent(id, tenant, "B\0t", AgentKind.SCRIPTED, "", "", Optional.empty(), null,
                "f")).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("name ");
        assertThatThrownBy(() -> new Agent(id, tenant, "Bot", AgentKind.LLM, "", "", Optional.of("gpt\0"), null,
                "f")).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("model ");
        assertThatThrownBy(() -> new ScriptedRule(List.of("k\0"), "r")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("rules.keywords ");
        assertThat(AgentReply.truncated("abc", 3).text()).isEqualTo("abc […]");
        assertThat(new AgentReply("a\0b", 1).text()).isEqualTo("a\uFFFDb");
    }
}

package io.parley.infrastructure.llm;

import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentReply;
import io.parley.core.port.out.LanguageModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/** Offline, deterministic replies from a scripted agent's keyword rules; costs no tokens. */
@ApplicationScoped
public class ScriptedLanguageModel implements LanguageModel {

    @Override
    public AgentKind kind() {
        return AgentKind.SCRIPTED;
    }

    @Override
    public AgentReply reply(AgentPrompt prompt, Consumer<String> onDelta) {
        return new AgentReply(prompt.agent().scriptedReply(prompt.userText()), 0);
    }
}

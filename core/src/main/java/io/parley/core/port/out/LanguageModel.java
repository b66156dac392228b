package io.parley.core.port.out;

import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.AgentUnavailableException;
import java.util.function.Consumer;

/** Produces an agent's reply; may stream it in pieces to {@code onDelta} before returning the whole. */
public interface LanguageModel {

    /** The kind of agent this model serves. */
    AgentKind kind();

    AgentReply reply(AgentPrompt prompt, Consumer<String> onDelta) throws AgentUnavailableException;
}

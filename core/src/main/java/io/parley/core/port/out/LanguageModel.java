package io.parley.core.port.out;

import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.ReplyListener;
import io.parley.core.agent.ReplyStream;

/**
 * Produces an agent's reply, streamed in pieces as the model writes it. Never blocks its caller and holds
 * no thread while the model thinks; the reply can be stopped at any moment (barge-in).
 */
public interface LanguageModel {

    /** The kind of agent this model serves. */
    AgentKind kind();

    /** Starts the reply; callbacks may come on any thread, and must not block. */
    ReplyStream reply(AgentPrompt prompt, ReplyListener listener);
}

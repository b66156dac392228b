package io.parley.core.agent;

import io.parley.core.conversation.Turn;
import java.util.List;

/** What an agent is asked: its configuration, the recent turns (ending with the user's), and the new text. */
public record AgentPrompt(Agent agent, List<Turn> context, String userText) {

    public AgentPrompt {
        context = List.copyOf(context);
    }
}

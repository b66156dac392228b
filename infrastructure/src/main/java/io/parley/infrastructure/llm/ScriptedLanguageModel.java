package io.parley.infrastructure.llm;

import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.ReplyListener;
import io.parley.core.agent.ReplyStream;
import io.parley.core.port.out.LanguageModel;
import jakarta.inject.Singleton;

/** Offline, deterministic replies from a scripted agent's keyword rules, whole at once (no pieces); costs no tokens. */
@Singleton
public class ScriptedLanguageModel implements LanguageModel {

    @Override
    public AgentKind kind() {
        return AgentKind.SCRIPTED;
    }

    @Override
    public ReplyStream reply(AgentPrompt prompt, ReplyListener listener) {
        listener.onComplete(prompt.agent().scriptedAnswer(prompt.userText()));
        return ReplyStream.FINISHED;
    }
}

package io.parley.presentation.telephony;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.core.agent.Agent;
import java.util.List;

/**
 * The answer to Vapi's {@code assistant-request}: the tenant's agent as a transient Vapi assistant — its name, its
 * greeting as first message, and an OpenAI model (the agent's, else {@value #DEFAULT_MODEL}) with its system prompt.
 */
record VapiAssistantAnswer(Assistant assistant) {

    static final String DEFAULT_MODEL = "gpt-4o-mini";
    /** Vapi refuses longer assistant names. */
    static final int MAX_NAME = 40;

    static VapiAssistantAnswer of(Agent agent) {
        String name = agent.name().length() <= MAX_NAME ? agent.name() : agent.name().substring(0, MAX_NAME).strip();
        List<Message> messages = agent.systemPrompt().isEmpty() ? List.of()
                : List.of(new Message("system", agent.systemPrompt()));
        return new VapiAssistantAnswer(new Assistant(name, agent.greeting(),
                new Model("openai", agent.model().orElse(DEFAULT_MODEL), messages)));
    }

    /** A transient assistant; an empty first message is left out, and the assistant then waits for the caller. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Assistant(String name, String firstMessage, Model model) {
    }

    /** The language model that speaks for the agent. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Model(String provider, String model, List<Message> messages) {
    }

    /** One message the model starts from. */
    record Message(String role, String content) {
    }
}

package io.parley.core.agent;

import io.parley.core.InvalidInputException;
import java.util.Locale;

/** How an agent produces its replies: fixed rules, or a language model. */
public enum AgentKind {
    SCRIPTED,
    LLM;

    public static AgentKind parse(String text) {
        if (text == null) {
            throw InvalidInputException.invalid("kind is required: scripted or llm");
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.invalid("kind must be scripted or llm");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.parley.core.agent;

import io.parley.core.InvalidInputException;
import io.parley.core.StorableText;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The configured AI (or scripted) counterpart a tenant's users talk to. */
public record Agent(
        AgentId id,
        TenantId tenantId,
        String name,
        AgentKind kind,
        String greeting,
        String systemPrompt,
        Optional<String> model,
        List<ScriptedRule> rules,
        String fallback) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PROMPT = 20000;
    public static final int MAX_RULES = 100;

    public Agent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(kind);
        name = required(name, "name", 200);
        greeting = optionalText(greeting, "greeting", MAX_TEXT);
        systemPrompt = optionalText(systemPrompt, "systemPrompt", MAX_PROMPT);
        model = Objects.requireNonNullElse(model, Optional.<String>empty()).map(String::strip).filter(m -> !m.isEmpty())
                .map(m -> StorableText.require("model", m));
        if (model.isPresent() && model.get().length() > 200) {
            throw InvalidInputException.invalid("model must be at most 200 characters");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (rules.size() > MAX_RULES) {
            throw InvalidInputException.invalid("at most " + MAX_RULES + " rules");
        }
        fallback = required(fallback, "fallback", MAX_TEXT);
    }

    /** The agent every new tenant starts with: scripted, friendly, offline. */
    public static Agent defaultFor(AgentId id, TenantId tenantId) {
        return new Agent(id, tenantId, "Parley assistant", AgentKind.SCRIPTED, "Hello! How can I help you today?",
                "You are a helpful, concise assistant.", Optional.empty(),
                List.of(new ScriptedRule(List.of("hello", "hi"), "Hello! How can I help you today?"),
                        new ScriptedRule(List.of("bye", "goodbye"), "Goodbye! Talk to you soon.")),
                "Thanks for your message. A person will follow up if I cannot help.");
    }

    /** The same agent with another configuration, keeping its identity and tenant. */
    public Agent reconfigured(String name, AgentKind kind, String greeting, String systemPrompt,
            Optional<String> model, List<ScriptedRule> rules, String fallback) {
        return new Agent(id, tenantId, name, kind, greeting, systemPrompt, model, rules, fallback);
    }

    /** The scripted reply: the first rule whose keyword appears in the text, else the fallback. */
    public String scriptedReply(String text) {
        return scriptedAnswer(text).text();
    }

    /** A scripted agent's answer to the user's text: the first matching rule's reply (ending the call if it says so), else the fallback. */
    public AgentReply scriptedAnswer(String text) {
        return rules.stream().filter(r -> r.matches(text)).findFirst()
                .map(rule -> new AgentReply(rule.reply(), 0, false, rule.endsCall()))
                .orElseGet(() -> new AgentReply(fallback, 0));
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw InvalidInputException.invalid(field + " is required, 1-" + max + " characters");
        }
        return StorableText.require(field, value.strip());
    }

    private static String optionalText(String value, String field, int max) {
        if (value == null) {
            return "";
        }
        if (value.length() > max) {
            throw InvalidInputException.invalid(field + " must be at most " + max + " characters");
        }
        return StorableText.require(field, value.strip());
    }
}

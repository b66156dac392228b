package io.parley.core.agent;

import java.util.Objects;

/** An agent's answer, the tokens it cost, and whether it was cut at the longest answer Parley keeps. */
public record AgentReply(String text, long tokens, boolean truncated) {

    /** Follows the kept part of an answer that was cut, so that readers see it was cut. */
    public static final String TRUNCATION_MARKER = " […]";

    public AgentReply {
        Objects.requireNonNull(text, "text");
    }

    /** A whole answer. */
    public AgentReply(String text, long tokens) {
        this(text, tokens, false);
    }

    /** An answer cut short: the part kept, followed by {@link #TRUNCATION_MARKER}. */
    public static AgentReply truncated(String kept, long tokens) {
        return new AgentReply(kept + TRUNCATION_MARKER, tokens, true);
    }
}

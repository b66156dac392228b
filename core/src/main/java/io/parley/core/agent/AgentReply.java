package io.parley.core.agent;

import io.parley.core.StorableText;
import java.util.Objects;

/** An agent's answer, the tokens it cost, and whether it was cut at the longest answer Parley keeps. */
public record AgentReply(String text, long tokens, boolean truncated, boolean endsCall) {

    /** Follows the kept part of an answer that was cut, so that readers see it was cut. */
    public static final String TRUNCATION_MARKER = " […]";

    /** Model output may hold NULs, which cannot be stored: they become U+FFFD. */
    public AgentReply {
        text = StorableText.scrub(Objects.requireNonNull(text, "text"));
    }

    /** A whole answer. */
    /** An answer, whole or cut, after which the conversation goes on. */
    public AgentReply(String text, long tokens, boolean truncated) {
        this(text, tokens, truncated, false);
    }

    public AgentReply(String text, long tokens) {
        this(text, tokens, false);
    }

    /** An answer cut short: the part kept, followed by {@link #TRUNCATION_MARKER}. */
    public static AgentReply truncated(String kept, long tokens) {
        return new AgentReply(kept + TRUNCATION_MARKER, tokens, true);
    }
}

package io.parley.core.conversation;

import io.parley.core.StorableText;
import java.time.Instant;
import java.util.Objects;

/**
 * One utterance in a conversation. An agent's spoken turn may have been interrupted (barge-in): its
 * text is then what was actually spoken; spoken turns carry their latencies.
 */
public record Turn(Role role, String text, Instant at, long tokens, boolean interrupted, TurnMetrics metrics) {

    public Turn {
        Objects.requireNonNull(role, "role");
        StorableText.require("text", Objects.requireNonNull(text, "text"));
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(metrics, "metrics");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
    }

    /** A turn that was not spoken, or not measured: a text turn. */
    public Turn(Role role, String text, Instant at, long tokens) {
        this(role, text, at, tokens, false, TurnMetrics.NONE);
    }

    public static Turn user(String text, Instant at) {
        return new Turn(Role.USER, text, at, 0);
    }

    public static Turn assistant(String text, Instant at, long tokens) {
        return new Turn(Role.ASSISTANT, text, at, tokens);
    }

    /** The agent's spoken turn: the text spoken (all of it, unless interrupted) and its latencies. */
    public static Turn spoken(String text, Instant at, long tokens, boolean interrupted, TurnMetrics metrics) {
        return new Turn(Role.ASSISTANT, text, at, tokens, interrupted, metrics);
    }
}

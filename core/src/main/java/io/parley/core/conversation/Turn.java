package io.parley.core.conversation;

import io.parley.core.StorableText;
import java.time.Instant;
import java.util.Objects;

/** One utterance in a conversation. */
public record Turn(Role role, String text, Instant at, long tokens) {

    public Turn {
        Objects.requireNonNull(role, "role");
        StorableText.require("text", Objects.requireNonNull(text, "text"));
        Objects.requireNonNull(at, "at");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
    }

    public static Turn user(String text, Instant at) {
        return new Turn(Role.USER, text, at, 0);
    }

    public static Turn assistant(String text, Instant at, long tokens) {
        return new Turn(Role.ASSISTANT, text, at, tokens);
    }
}

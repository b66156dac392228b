package io.parley.core.conversation;

/** Who spoke a turn. */
public enum Role {
    USER,
    ASSISTANT,
    SYSTEM
}

package io.parley.core.conversation;

import io.parley.core.InvalidInputException;
import java.util.Objects;
import java.util.UUID;

/** Identity of a conversation. */
public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "conversation id");
    }

    /** Parses a client-supplied id, rejecting anything that is not a UUID. */
    public static ConversationId parse(String text) {
        try {
            return new ConversationId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("invalid_id", "conversation id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

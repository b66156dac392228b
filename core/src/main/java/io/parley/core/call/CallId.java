package io.parley.core.call;

import io.parley.core.InvalidInputException;
import java.util.Objects;
import java.util.UUID;

/** Parley's id of a phone call. */
public record CallId(UUID value) {

    public CallId {
        Objects.requireNonNull(value, "call id");
    }

    /** The id in a URL; a 400 when it is not a UUID. */
    public static CallId parse(String text) {
        try {
            return new CallId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("invalid_id", "call id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

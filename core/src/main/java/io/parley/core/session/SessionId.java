package io.parley.core.session;

import java.util.Objects;
import java.util.UUID;

/** Identity of one client connection. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

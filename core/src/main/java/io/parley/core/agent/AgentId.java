package io.parley.core.agent;

import java.util.Objects;
import java.util.UUID;

/** Identity of an agent. */
public record AgentId(UUID value) {

    public AgentId {
        Objects.requireNonNull(value, "agent id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

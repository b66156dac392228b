package io.parley.core.tenant;

import io.parley.core.InvalidInputException;
import io.parley.core.StorableText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A company using Parley; its API keys are kept apart, as hashes only. */
public record Tenant(TenantId id, String name, Instant createdAt, Optional<Integer> maxConnections) {

    public static final int MAX_NAME_LENGTH = 200;

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        name = validName(name);
        maxConnections = Objects.requireNonNullElse(maxConnections, Optional.<Integer>empty());
        if (maxConnections.isPresent() && maxConnections.get() < 1) {
            throw InvalidInputException.invalid("maxConnections must be at least 1");
        }
    }

    /** A tenant without a connection cap. */
    public Tenant(TenantId id, String name, Instant createdAt) {
        this(id, name, createdAt, Optional.empty());
    }

    /** The same tenant with another connection cap (empty: no cap). */
    public Tenant withMaxConnections(Optional<Integer> cap) {
        return new Tenant(id, name, createdAt, cap);
    }

    /** Trims a tenant name and checks it is 1–200 characters, none of them NUL. */
    public static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw InvalidInputException.invalid("name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        return StorableText.require("name", trimmed);
    }
}

package io.parley.core.tenant;

import io.parley.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/** A company using Parley; its API keys are kept apart, as hashes only. */
public record Tenant(TenantId id, String name, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        name = validName(name);
    }

    /** Trims a tenant name and checks it is 1–200 characters. */
    public static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw InvalidInputException.invalid("name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }
}

package io.parley.core.tenant;

import java.util.Objects;
import java.util.UUID;

/** Identity of a tenant (a company using Parley). */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

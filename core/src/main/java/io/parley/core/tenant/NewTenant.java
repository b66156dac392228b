package io.parley.core.tenant;

/** A tenant just created, with the only copy of its API key in clear text. */
public record NewTenant(Tenant tenant, ApiKey apiKey) {
}

package io.parley.core.port.in;

import io.parley.core.tenant.NewTenant;

/** Creates a tenant with its first API key and a default agent. */
public interface CreateTenantUseCase {

    NewTenant create(String name);
}

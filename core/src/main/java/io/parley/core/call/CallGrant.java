package io.parley.core.call;

import io.parley.core.tenant.TenantId;
import java.util.Objects;

/** What a call token lets its bearer do: stream the media of this one call of this tenant. */
public record CallGrant(CallId callId, TenantId tenantId, String providerCallId) {

    public CallGrant {
        Objects.requireNonNull(callId);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(providerCallId);
    }
}

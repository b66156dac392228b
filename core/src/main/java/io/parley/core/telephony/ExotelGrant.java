package io.parley.core.telephony;

import io.parley.core.tenant.TenantId;
import java.util.Objects;

/** What an Exotel stream that authenticated with an account's API key and token may carry: that account's calls. */
public record ExotelGrant(TenantId tenant, String accountSid) {

    public ExotelGrant {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(accountSid);
    }
}

package io.parley.core.telephony;

import io.parley.core.InvalidInputException;
import io.parley.core.tenant.TenantId;

/** A tenant's Vapi server-URL secret: Vapi sends it as {@code x-vapi-secret} with every event. */
public record VapiAccount(TenantId tenant, Secret secret) {

    public VapiAccount {
        if (secret == null || secret.reveal().length() < 16 || secret.reveal().length() > 200
                || secret.reveal().chars().anyMatch(Character::isWhitespace)) {
            throw InvalidInputException.invalid("secret must be 16 to 200 characters without spaces");
        }
    }
}

package io.parley.core.port.in;

import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.tenant.TenantId;

/** Sets, shows and removes a tenant's telephony provider accounts; asking for one the tenant lacks is not found. */
public interface ConfigureTelephonyUseCase {

    /** Creates or replaces the Twilio account and its numbers; a number of another tenant: AlreadyClaimedException. */
    TwilioAccount configure(TwilioAccount account);

    ExotelAccount configure(ExotelAccount account);

    VapiAccount configure(VapiAccount account);

    TwilioAccount twilio(TenantId tenant);

    ExotelAccount exotel(TenantId tenant);

    VapiAccount vapi(TenantId tenant);

    void remove(TenantId tenant, TelephonyProvider provider);
}

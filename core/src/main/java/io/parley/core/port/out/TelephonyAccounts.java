package io.parley.core.port.out;

import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/**
 * Tenants' telephony accounts, their secrets encrypted at rest; looked up by tenant for the settings
 * API and by what a provider's request carries (called number, API key, secret) for calls.
 */
public interface TelephonyAccounts {

    /** Creates or replaces the tenant's Twilio account; a number another tenant holds → AlreadyClaimedException. */
    void saveTwilio(TwilioAccount account);

    void saveExotel(ExotelAccount account);

    void saveVapi(VapiAccount account);

    Optional<TwilioAccount> twilio(TenantId tenant);

    Optional<ExotelAccount> exotel(TenantId tenant);

    Optional<VapiAccount> vapi(TenantId tenant);

    /** The Twilio account that holds this number (E.164), if any. */
    Optional<TwilioAccount> twilioByNumber(String number);

    /** The Exotel account with this API key (the user name of a stream's Basic auth), if any. */
    Optional<ExotelAccount> exotelByApiKey(String apiKey);

    /** The Vapi account whose secret is exactly this one, if any. */
    Optional<VapiAccount> vapiBySecret(String secret);

    /** Removes the tenant's account with this provider; whether there was one. */
    boolean delete(TenantId tenant, TelephonyProvider provider);
}

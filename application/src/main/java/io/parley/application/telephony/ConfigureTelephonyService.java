package io.parley.application.telephony;

import io.parley.core.NotFoundException;
import io.parley.core.port.in.ConfigureTelephonyUseCase;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.tenant.TenantId;

/** Stores, reads and removes tenants' telephony accounts (validated as they are built). */
public class ConfigureTelephonyService implements ConfigureTelephonyUseCase {

    private final TelephonyAccounts accounts;

    public ConfigureTelephonyService(TelephonyAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public TwilioAccount configure(TwilioAccount account) {
        accounts.saveTwilio(account);
        return account;
    }

    @Override
    public ExotelAccount configure(ExotelAccount account) {
        accounts.saveExotel(account);
        return account;
    }

    @Override
    public VapiAccount configure(VapiAccount account) {
        accounts.saveVapi(account);
        return account;
    }

    @Override
    public TwilioAccount twilio(TenantId tenant) {
        return accounts.twilio(tenant).orElseThrow(() -> notConfigured(TelephonyProvider.TWILIO));
    }

    @Override
    public ExotelAccount exotel(TenantId tenant) {
        return accounts.exotel(tenant).orElseThrow(() -> notConfigured(TelephonyProvider.EXOTEL));
    }

    @Override
    public VapiAccount vapi(TenantId tenant) {
        return accounts.vapi(tenant).orElseThrow(() -> notConfigured(TelephonyProvider.VAPI));
    }

    @Override
    public void remove(TenantId tenant, TelephonyProvider provider) {
        if (!accounts.delete(tenant, provider)) {
            throw notConfigured(provider);
        }
    }

    private static NotFoundException notConfigured(TelephonyProvider provider) {
        return new NotFoundException("no " + provider.code() + " settings are configured for this tenant");
    }
}

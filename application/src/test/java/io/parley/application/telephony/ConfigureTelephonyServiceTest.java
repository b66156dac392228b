package io.parley.application.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.NotFoundException;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.AlreadyClaimedException;
import io.parley.core.telephony.Secret;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfigureTelephonyServiceTest {

    private final TelephonyAccounts accounts = mock(TelephonyAccounts.class);
    private final ConfigureTelephonyService service = new ConfigureTelephonyService(accounts);
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final TwilioAccount twilio = new TwilioAccount(tenant, "AC" + "0123456789abcdef".repeat(2),
            new Secret("0123456789abcdef0123456789abcdef"), List.of("+15551234567"));

    @Test
    void configuringStoresTheAccountAndReturnsIt() {
        ExotelAccount exotel = new ExotelAccount(tenant, "parley1", "key_1", new Secret("token-123"));
        VapiAccount vapi = new VapiAccount(tenant, new Secret("vapi-secret-0123456789"));
        assertThat(service.configure(twilio)).isSameAs(twilio);
        assertThat(service.configure(exotel)).isSameAs(exotel);
        assertThat(service.configure(vapi)).isSameAs(vapi);
        verify(accounts).saveTwilio(twilio);
        verify(accounts).saveExotel(exotel);
        verify(accounts).saveVapi(vapi);
    }

    @Test
    void aNumberOfAnotherTenantIsRefusedByTheStore() {
        doThrow(new AlreadyClaimedException("****4567")).when(accounts).saveTwilio(twilio);
        assertThatThrownBy(() -> service.configure(twilio)).isInstanceOf(AlreadyClaimedException.class);
    }

    @Test
    void readingReturnsTheStoredAccountOrIsNotFound() {
        when(accounts.twilio(tenant)).thenReturn(Optional.of(twilio));
        assertThat(service.twilio(tenant)).isSameAs(twilio);
        assertThatThrownBy(() -> service.exotel(tenant)).isInstanceOf(NotFoundException.class)
                .hasMessage("no exotel settings are configured for this tenant");
        assertThatThrownBy(() -> service.vapi(tenant)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("vapi");
    }

    @Test
    void removingWhatIsNotThereIsNotFound() {
        when(accounts.delete(tenant, TelephonyProvider.TWILIO)).thenReturn(true);
        service.remove(tenant, TelephonyProvider.TWILIO);
        verify(accounts).delete(tenant, TelephonyProvider.TWILIO);
        assertThatThrownBy(() -> service.remove(tenant, TelephonyProvider.VAPI)).isInstanceOf(NotFoundException.class);
    }
}

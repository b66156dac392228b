package io.parley.application.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.ExotelGrant;
import io.parley.core.telephony.Secret;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** An Exotel stream's Basic credentials: the account's key and token pass; anything else is refused and audited. */
class AuthenticateExotelStreamServiceTest {

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final ExotelAccount account = new ExotelAccount(tenant, "parley1", "key_1", new Secret("token-123"));
    private final TelephonyAccounts accounts = mock(TelephonyAccounts.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final AuthenticateExotelStreamService service = new AuthenticateExotelStreamService(accounts, audit,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    AuthenticateExotelStreamServiceTest() {
        when(accounts.exotelByApiKey("key_1")).thenReturn(Optional.of(account));
    }

    @Test
    void theAccountsKeyAndTokenGrantItsCalls() {
        assertThat(service.authenticate("key_1", "token-123")).contains(new ExotelGrant(tenant, "parley1"));
        verify(audit, never()).record(any());
    }

    @Test
    void aWrongTokenIsRefusedAndAuditedForTheTenantWithoutTheToken() {
        assertThat(service.authenticate("key_1", "token-124")).isEmpty();
        assertThat(service.authenticate("key_1", "token-1234")).isEmpty();
        SessionEvent refusal = audited();
        assertThat(refusal.type()).isEqualTo(SessionEventType.CALL_REFUSED);
        assertThat(refusal.tenantId()).contains(tenant);
        assertThat(refusal.peerId()).contains("exotel");
        assertThat(refusal.reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("API token does not match").doesNotContain("token-12"));
    }

    @Test
    void anUnknownKeyIsRefusedAndAuditedWithoutATenant() {
        assertThat(service.authenticate("key_2", "token-123")).isEmpty();
        assertThat(audited().tenantId()).isEmpty();
    }

    private SessionEvent audited() {
        ArgumentCaptor<SessionEvent> event = ArgumentCaptor.forClass(SessionEvent.class);
        verify(audit, atLeastOnce()).record(event.capture());
        return event.getValue();
    }
}

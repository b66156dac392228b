package io.parley.application.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.auth.InvalidTokenException;
import io.parley.core.auth.PeerAuthentication;
import io.parley.core.auth.PeerCredentials;
import io.parley.core.port.out.AccessTokenVerifier;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.tenant.ApiKey;
import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AuthenticatePeerServiceTest {

    private final AccessTokenVerifier verifier = mock(AccessTokenVerifier.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final AuditTrail events = mock(AuditTrail.class);
    private final AuthenticatePeerService service = new AuthenticatePeerService(verifier, tenants, events,
            Clock.systemUTC());
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @Test
    void aTokenForTheRequestedPeerIsGranted() throws Exception {
        AuthenticatedPeer alice = new AuthenticatedPeer(tenant, new PeerId("alice"));
        when(verifier.verify("jwt")).thenReturn(alice);
        assertThat(service.authenticate(new PeerCredentials("alice", Optional.of("jwt"), Optional.empty())))
                .isEqualTo(new PeerAuthentication.Granted(alice));
        verify(events, never()).record(any());
    }

    @Test
    void aTokenForAnotherPeerIsForbiddenAndAuditedForItsTenant() throws Exception {
        when(verifier.verify("jwt")).thenReturn(new AuthenticatedPeer(tenant, new PeerId("bob")));
        assertThat(service.authenticate(new PeerCredentials("alice", Optional.of("jwt"), Optional.empty())))
                .isInstanceOf(PeerAuthentication.Forbidden.class);
        ArgumentCaptor<SessionEvent> event = ArgumentCaptor.forClass(SessionEvent.class);
        verify(events).record(event.capture());
        assertThat(event.getValue().type()).isEqualTo(SessionEventType.AUTH_FAILED);
        assertThat(event.getValue().tenantId()).contains(tenant);
    }

    @Test
    void anInvalidTokenIsUnauthenticated() throws Exception {
        when(verifier.verify("bad")).thenThrow(new InvalidTokenException("expired"));
        assertThat(service.authenticate(new PeerCredentials("alice", Optional.of("bad"), Optional.empty())))
                .isInstanceOf(PeerAuthentication.Unauthenticated.class);
    }

    @Test
    void anApiKeyActsAsAnyPeerOfItsTenant() {
        ApiKey key = ApiKey.generate();
        when(tenants.findByApiKeyHash(key.hash())).thenReturn(Optional.of(new Tenant(tenant, "Acme", Instant.now())));
        assertThat(service.authenticate(new PeerCredentials("bot-7", Optional.empty(), Optional.of(key.value()))))
                .isEqualTo(new PeerAuthentication.Granted(new AuthenticatedPeer(tenant, new PeerId("bot-7"))));
    }

    @Test
    void noCredentialsOrAnUnknownKeyAreUnauthenticated() {
        assertThat(service.authenticate(new PeerCredentials("alice", Optional.empty(), Optional.empty())))
                .isInstanceOf(PeerAuthentication.Unauthenticated.class);
        when(tenants.findByApiKeyHash(any())).thenReturn(Optional.empty());
        assertThat(service.authenticate(new PeerCredentials("alice", Optional.empty(), Optional.of("pk_x"))))
                .isInstanceOf(PeerAuthentication.Unauthenticated.class);
    }
}

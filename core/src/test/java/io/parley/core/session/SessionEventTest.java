package io.parley.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionEventTest {

    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @Test
    void everyFactoryRecordsOneOccurrence() {
        ClientSession s = new ClientSession(new SessionId(UUID.randomUUID()), new PeerId("alice"), tenant, t0);
        assertThat(java.util.List.of(SessionEvent.connected(s, t0), SessionEvent.rateLimited(s, t0),
                SessionEvent.capacityRefused(tenant, new PeerId("alice"), "full", t0),
                SessionEvent.authFailed(Optional.empty(), "alice", "no credentials", t0)))
                .extracting(SessionEvent::occurrences).containsOnly(1);
    }

    @Test
    void aRepeatedRefusalKeepsItsFirstTimeAndDetails() {
        SessionEvent first = SessionEvent.capacityRefused(tenant, new PeerId("alice"), "full", t0);
        SessionEvent counted = first.times(7);
        assertThat(counted.occurrences()).isEqualTo(7);
        assertThat(counted.at()).isEqualTo(t0);
        assertThat(counted.peerId()).contains("alice");
        assertThat(counted.reason()).contains("full");
    }

    @Test
    void withoutPeerNamesNeitherPeerNorSession() {
        ClientSession s = new ClientSession(new SessionId(UUID.randomUUID()), new PeerId("alice"), tenant, t0);
        SessionEvent anonymous = SessionEvent.rateLimited(s, t0).withoutPeer();
        assertThat(anonymous.peerId()).isEmpty();
        assertThat(anonymous.sessionId()).isEmpty();
        assertThat(anonymous.tenantId()).contains(tenant);
    }

    @Test
    void onlyRefusalsAreRefusals() {
        assertThat(SessionEventType.values()).filteredOn(SessionEventType::isRefusal).containsExactlyInAnyOrder(
                SessionEventType.AUTH_FAILED, SessionEventType.RATE_LIMITED, SessionEventType.CAPACITY_REFUSED,
                SessionEventType.CALL_REFUSED);
    }

    @Test
    void anEventHappensAtLeastOnce() {
        SessionEvent once = SessionEvent.authFailed(Optional.empty(), "alice", "no credentials", t0);
        assertThatThrownBy(() -> once.times(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

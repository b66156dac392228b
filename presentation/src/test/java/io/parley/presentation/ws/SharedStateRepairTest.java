package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.RoomName;
import io.parley.core.signal.SessionLocation;
import io.parley.core.tenant.TenantId;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live node mends its part of the shared state against the sessions it really holds: entries of
 * sessions it no longer has (left behind by a release that failed) go, and their rooms hear that the
 * peer left; entries its live sessions lost come back.
 */
@QuarkusTest
@TestProfile(RepairProfile.class)
class SharedStateRepairTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    PeerDirectory directory;

    @Inject
    RoomStore rooms;

    @Inject
    ConnectionQuota quota;

    @Inject
    SignalBus bus;

    TenantAccess tenant;
    TenantId tenantId;

    @BeforeEach
    void tenant() {
        tenant = Parley.newTenant();
        tenantId = new TenantId(UUID.fromString(tenant.id()));
    }

    @Test
    void ghostsOfSessionsTheNodeNoLongerHoldsAreRemovedAndTheirRoomsAreTold() {
        Parley.capConnections(tenant, 2);
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            alice.send("{\"type\":\"join\",\"room\":\"haunted\"}");
            alice.nextOfType("joined");
            PeerAddress ghost = new PeerAddress(tenantId, new PeerId("ghost"));
            SessionLocation nowhere = new SessionLocation(bus.nodeId(), new SessionId(UUID.randomUUID()));
            assertThat(quota.acquire(tenantId, nowhere.sessionId(), bus.nodeId(), 2)).isTrue();
            rooms.join(ghost, new RoomName("haunted"), nowhere, 50);
            directory.claim(ghost, nowhere);

            JsonNode left = alice.nextOfType("peer.left", Duration.ofSeconds(10));
            assertThat(left.path("peer").asText()).isEqualTo("ghost");
            assertThat(left.path("room").asText()).isEqualTo("haunted");
            Await.until(Duration.ofSeconds(5), "the ghost to be gone from the directory and the count",
                    () -> directory.locate(ghost).isEmpty() && quota.entriesOf(bus.nodeId()).stream()
                            .noneMatch(e -> e.session().equals(nowhere.sessionId())));

            alice.send("{\"type\":\"offer\",\"id\":\"o2\",\"to\":\"ghost\",\"sdp\":\"v=0\"}");
            JsonNode unavailable = alice.nextOfType("error");
            assertThat(unavailable.path("code").asText()).isEqualTo("peer_unavailable");
            assertThat(unavailable.path("replyTo").asText()).isEqualTo("o2");
            try (SocketClient bob = Parley.connect(base, tenant, "bob")) {
                assertThat(bob.isClosed()).as("the tenant's cap of 2 counts alice and bob only").isFalse();
            }
        }
    }

    @Test
    void entriesALiveSessionLostAreRestoredWithoutTouchingANewerSessionsEntry() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                SocketClient bob = Parley.connect(base, tenant, "bob")) {
            PeerAddress aliceAddress = new PeerAddress(tenantId, new PeerId("alice"));
            PeerDirectory.Claim aliceClaim = directory.claimsOf(bus.nodeId()).stream()
                    .filter(c -> c.peer().equals(aliceAddress)).findFirst().orElseThrow();
            directory.release(aliceClaim);
            assertThat(directory.locate(aliceAddress)).isEmpty();

            Await.until(Duration.ofSeconds(10), "alice's entry to be back", () -> directory.locate(aliceAddress)
                    .filter(p -> p.online() && p.location().equals(aliceClaim.location())).isPresent());
            bob.send("{\"type\":\"signal\",\"to\":\"alice\",\"data\":{\"n\":1}}");
            assertThat(alice.nextOfType("signal").path("from").asText()).isEqualTo("bob");
        }
    }
}

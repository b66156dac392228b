package io.parley.application.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;
import io.parley.core.signal.SessionLocation;
import io.parley.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node mends its part of the shared state: orphans go after two sightings, live entries stay, gaps are filled. */
class SharedStateRepairTest {

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final SessionRegistry sessions = mock(SessionRegistry.class);
    private final PeerDirectory directory = mock(PeerDirectory.class);
    private final RoomStore rooms = mock(RoomStore.class);
    private final ConnectionQuota quota = mock(ConnectionQuota.class);
    private final SignalBus bus = mock(SignalBus.class);
    private final SharedStateRepair repair = new SharedStateRepair(sessions, directory, rooms, quota,
            new SessionMessenger(sessions, bus));
    private final ClientSession alice = new ClientSession(new SessionId(UUID.randomUUID()), new PeerId("alice"),
            tenant, Instant.now());
    private final SessionId ghost = new SessionId(UUID.randomUUID());
    private final RoomName room = new RoomName("r1");
    private final PeerDirectory.Claim ghostClaim = new PeerDirectory.Claim(new PeerAddress(tenant, new PeerId("ghost")),
            new SessionLocation("node-1", ghost));
    private final RoomStore.Membership ghostMember = new RoomStore.Membership(new PeerAddress(tenant,
            new PeerId("ghost")), room, new SessionLocation("node-1", ghost));
    private final ClientChannel aliceChannel = mock(ClientChannel.class);

    @BeforeEach
    void node() {
        alice.open();
        alice.enter(room);
        when(bus.nodeId()).thenReturn("node-1");
        when(sessions.all()).thenReturn(List.of(alice));
        when(sessions.find(alice.id())).thenReturn(Optional.of(alice));
        when(sessions.find(ghost)).thenReturn(Optional.empty());
        when(sessions.channel(alice.id())).thenReturn(Optional.of(aliceChannel));
        when(aliceChannel.isOpen()).thenReturn(true);
        PeerDirectory.Claim aliceClaim = new PeerDirectory.Claim(alice.address(), new SessionLocation("node-1",
                alice.id()));
        when(directory.claimsOf("node-1")).thenReturn(List.of(aliceClaim, ghostClaim));
        when(rooms.membershipsOf("node-1")).thenReturn(List.of(new RoomStore.Membership(alice.address(), room,
                new SessionLocation("node-1", alice.id())), ghostMember));
        when(quota.entriesOf("node-1")).thenReturn(List.of(new ConnectionQuota.Entry(tenant, alice.id()),
                new ConnectionQuota.Entry(tenant, ghost)));
        when(rooms.leave(ghostMember.peer(), room, ghostMember.location())).thenReturn(List.of(
                new RoomMember(alice.peerId(), new SessionLocation("node-1", alice.id()))));
    }

    @Test
    void anOrphanSeenOnceIsLeftAloneForAdmissionsInFlight() {
        assertThat(repair.repair("node-1")).isZero();
        verify(directory, never()).release(any());
        verify(rooms, never()).leave(any(), any(), any());
        verify(quota, never()).release(any(), any(), any());
    }

    @Test
    void anOrphanSeenTwiceIsRemovedAndItsRoomIsToldButLiveEntriesStay() {
        repair.repair("node-1");
        assertThat(repair.repair("node-1")).isEqualTo(3);
        verify(directory).release(ghostClaim);
        verify(quota).release(tenant, ghost, "node-1");
        verify(aliceChannel).deliver(new Outbound.PeerLeft(room, new PeerId("ghost"), "disconnected"));
        verify(quota, never()).release(tenant, alice.id(), "node-1");
        verify(rooms, never()).leave(eq(alice.address()), any(), any());
    }

    @Test
    void anOrphanWhoseSessionCameBackIsKept() {
        repair.repair("node-1");
        ClientSession back = new ClientSession(ghost, new PeerId("ghost"), tenant, Instant.now());
        when(sessions.find(ghost)).thenReturn(Optional.of(back));
        repair.repair("node-1");
        verify(directory, never()).release(any());
        verify(quota, never()).release(any(), any(), any());
    }

    @Test
    void missingEntriesOfLiveSessionsArePutBack() {
        when(directory.claimsOf("node-1")).thenReturn(List.of());
        when(rooms.membershipsOf("node-1")).thenReturn(List.of());
        when(quota.entriesOf("node-1")).thenReturn(List.of());
        repair.repair("node-1");
        verify(directory).refresh(argThat(claims -> claims.size() == 1
                && claims.iterator().next().location().sessionId().equals(alice.id())));
        verify(rooms).refresh(argThat(memberships -> memberships.size() == 1));
        verify(quota).refresh(eq("node-1"), argThat(entries -> entries.size() == 1));
    }

    @Test
    void aSessionStillBeingAdmittedGetsNothingPutBackForIt() {
        ClientSession arriving = new ClientSession(new SessionId(UUID.randomUUID()), new PeerId("carol"), tenant,
                Instant.now());
        when(sessions.all()).thenReturn(List.of(alice, arriving));
        when(directory.claimsOf("node-1")).thenReturn(List.of());
        when(quota.entriesOf("node-1")).thenReturn(List.of());
        repair.repair("node-1");
        verify(directory).refresh(argThat(claims -> claims.stream()
                .noneMatch(claim -> claim.location().sessionId().equals(arriving.id()))));
        verify(quota).refresh(eq("node-1"), argThat(entries -> entries.stream()
                .noneMatch(entry -> entry.session().equals(arriving.id()))));
    }
}

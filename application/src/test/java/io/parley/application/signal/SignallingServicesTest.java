package io.parley.application.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.ClusterNodes;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.session.SignalLimits;
import io.parley.core.signal.Delivery;
import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;
import io.parley.core.signal.SessionLocation;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignallingServicesTest {

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final SessionRegistry sessions = mock(SessionRegistry.class);
    private final SignalBus bus = mock(SignalBus.class);
    private final RoomStore rooms = mock(RoomStore.class);
    private final SessionMessenger messenger = new SessionMessenger(sessions, bus);
    private final SignalLimits limits = new SignalLimits(2, 2, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(15), Duration.ofSeconds(30));
    private final ClientSession alice = session("alice");
    private final ClientChannel aliceChannel = mock(ClientChannel.class);

    private ClientSession session(String peer) {
        return new ClientSession(new SessionId(UUID.randomUUID()), new PeerId(peer), tenant, t0);
    }

    @BeforeEach
    void wire() {
        when(bus.nodeId()).thenReturn("node-1");
        when(sessions.find(alice.id())).thenReturn(Optional.of(alice));
        when(sessions.channel(alice.id())).thenReturn(Optional.of(aliceChannel));
        when(aliceChannel.isOpen()).thenReturn(true);
    }

    @Test
    void aRelayToALocalPeerIsDeliveredWithoutTheBus() {
        ClientSession bob = session("bob");
        ClientChannel bobChannel = mock(ClientChannel.class);
        when(bobChannel.isOpen()).thenReturn(true);
        when(sessions.findByPeer(new PeerAddress(tenant, new PeerId("bob")))).thenReturn(Optional.of(bob));
        when(sessions.channel(bob.id())).thenReturn(Optional.of(bobChannel));

        Delivery delivery = new RelaySignalService(sessions, bus).relay(alice.id(), new PeerId("bob"), "{\"x\":1}")
                .toCompletableFuture().join();

        assertThat(delivery).isEqualTo(Delivery.DELIVERED);
        verify(bobChannel).deliver(new Outbound.Relayed("{\"x\":1}"));
        verify(bus, never()).sendToPeer(any(), any());
    }

    @Test
    void aRelayToAPeerElsewhereGoesOverTheBusWithinTheSendersTenant() {
        when(sessions.findByPeer(any())).thenReturn(Optional.empty());
        when(bus.sendToPeer(any(), any())).thenReturn(CompletableFuture.completedFuture(Delivery.UNAVAILABLE));

        Delivery delivery = new RelaySignalService(sessions, bus).relay(alice.id(), new PeerId("carol"), "{}")
                .toCompletableFuture().join();

        assertThat(delivery).isEqualTo(Delivery.UNAVAILABLE);
        verify(bus).sendToPeer(eq(new PeerAddress(tenant, new PeerId("carol"))), any());
    }

    @Test
    void joiningTellsEveryOtherMemberWhereverItLives() {
        RoomName room = new RoomName("r1");
        SessionLocation remote = new SessionLocation("node-2", new SessionId(UUID.randomUUID()));
        when(rooms.join(any(), eq(room), any(), eq(2))).thenReturn(new JoinOutcome.Joined(
                List.of(new RoomMember(new PeerId("bob"), remote))));

        JoinOutcome outcome = new JoinRoomService(sessions, rooms, messenger, limits).join(alice.id(), room);

        assertThat(outcome).isInstanceOf(JoinOutcome.Joined.class);
        assertThat(alice.rooms()).containsExactly(room);
        verify(bus).sendToSession(remote, new Outbound.PeerJoined(room, new PeerId("alice")));
    }

    @Test
    void aFullRoomIsNotEntered() {
        RoomName room = new RoomName("full");
        when(rooms.join(any(), eq(room), any(), anyInt())).thenReturn(new JoinOutcome.Full(2));
        assertThat(new JoinRoomService(sessions, rooms, messenger, limits).join(alice.id(), room))
                .isEqualTo(new JoinOutcome.Full(2));
        assertThat(alice.rooms()).isEmpty();
    }

    @Test
    void aSessionInAsManyRoomsAsItMayJoinsNoMoreButCanRejoinItsOwn() {
        when(rooms.join(any(), any(), any(), anyInt())).thenReturn(new JoinOutcome.Joined(List.of()));
        JoinRoomService join = new JoinRoomService(sessions, rooms, messenger, limits);
        join.join(alice.id(), new RoomName("a"));
        join.join(alice.id(), new RoomName("b"));
        assertThat(join.join(alice.id(), new RoomName("c"))).isEqualTo(new JoinOutcome.TooManyRooms(2));
        assertThat(join.join(alice.id(), new RoomName("a"))).isInstanceOf(JoinOutcome.Joined.class);
        verify(rooms, never()).join(any(), eq(new RoomName("c")), any(), anyInt());
    }

    @Test
    void aSessionThatClosedWhileJoiningLeavesTheRoomAgain() {
        RoomName room = new RoomName("late");
        when(rooms.join(any(), eq(room), any(), anyInt())).thenAnswer(invocation -> {
            alice.close(t0);
            return new JoinOutcome.Joined(List.of());
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JoinRoomService(sessions, rooms, messenger, limits)
                .join(alice.id(), room)).isInstanceOf(IllegalStateException.class);
        verify(rooms).leave(alice.address(), room, new SessionLocation("node-1", alice.id()));
    }

    @Test
    void aSessionWhoseSocketClosedUnreportedIsEndedAtTheSecondSighting() {
        ClusterNodes nodes = mock(ClusterNodes.class);
        io.parley.core.port.in.DisconnectClientUseCase disconnect = mock(
                io.parley.core.port.in.DisconnectClientUseCase.class);
        when(sessions.all()).thenReturn(List.of(alice));
        when(aliceChannel.isGone()).thenReturn(true);
        MaintainClusterService upkeep = new MaintainClusterService(sessions, nodes, new SharedStateRepair(sessions,
                mock(PeerDirectory.class), rooms, mock(ConnectionQuota.class), messenger), new RepairDemand(), messenger,
                disconnect, limits, Clock.fixed(t0, ZoneOffset.UTC));
        upkeep.maintain();
        verify(disconnect, never()).disconnect(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
        upkeep.maintain();
        verify(disconnect).disconnect(alice.id(), aliceChannel, "socket lost", true);
    }

    @Test
    void upkeepEvictsADeadNodeTellingTheRemainingMembersAndClosesIdleSessions() {
        ClusterNodes nodes = mock(ClusterNodes.class);
        ConnectionQuota quota = mock(ConnectionQuota.class);
        Clock clock = Clock.fixed(t0.plusSeconds(61), ZoneOffset.UTC);
        SessionLocation aliceHere = new SessionLocation("node-1", alice.id());
        RoomName room = new RoomName("r1");
        when(sessions.all()).thenReturn(List.of(alice));
        when(nodes.silentFor(Duration.ofSeconds(10))).thenReturn(List.of("node-1", "node-dead"));
        when(nodes.claimCleanup("node-dead")).thenReturn(true);
        when(rooms.evictNode("node-dead")).thenReturn(List.of(new RoomStore.Departure(tenant, room,
                new RoomMember(new PeerId("bob"), new SessionLocation("node-dead", new SessionId(UUID.randomUUID()))),
                List.of(new RoomMember(new PeerId("alice"), aliceHere)))));

        new MaintainClusterService(sessions, nodes, new SharedStateRepair(sessions, mock(PeerDirectory.class), rooms,
                quota, messenger), new RepairDemand(), messenger, mock(io.parley.core.port.in.DisconnectClientUseCase.class), limits,
                clock).maintain();

        verify(aliceChannel).close(io.parley.core.session.CloseCause.IDLE);
        verify(aliceChannel).deliver(new Outbound.PeerLeft(room, new PeerId("bob"), "lost"));
        verify(nodes, never()).claimCleanup("node-1");
        verify(quota).evictNode("node-dead");
        verify(nodes).forget("node-dead");
        verify(nodes).heartbeat("node-1");
        verify(rooms, never()).refresh(any());
    }
}

package io.parley.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase.Result;
import io.parley.core.port.in.ConnectClientUseCase.ResumeRequest;
import io.parley.core.session.ResumeToken;
import io.parley.core.signal.SessionLocation;
import java.util.OptionalLong;
import static org.mockito.Mockito.never;
import io.parley.application.signal.ClusterAdmission;
import io.parley.application.signal.HandOverSessionService;
import io.parley.application.signal.JoinRoomService;
import io.parley.application.signal.RepairDemand;
import io.parley.application.signal.SessionMessenger;
import io.parley.application.signal.SessionResumption;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SignalBus;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.session.SignalLimits;
import io.parley.core.signal.PeerAddress;
import java.time.Duration;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.session.SessionId;
import io.parley.core.session.SessionLimits;
import io.parley.core.session.SessionState;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ConnectClientServiceTest {

    /** A registry as simple as the port's contract, to watch sessions come and go. */
    private static final class CountingRegistry implements SessionRegistry {
        final Map<SessionId, ClientSession> sessions = new ConcurrentHashMap<>();
        final Map<SessionId, ClientChannel> channels = new ConcurrentHashMap<>();

        @Override
        public synchronized boolean register(ClientSession session, ClientChannel channel, int capacity) {
            if (sessions.size() >= capacity || sessions.containsKey(session.id())) {
                return false;
            }
            sessions.put(session.id(), session);
            channels.put(session.id(), channel);
            return true;
        }

        @Override
        public Optional<ClientSession> find(SessionId id) {
            return Optional.ofNullable(sessions.get(id));
        }

        @Override
        public Optional<ClientChannel> channel(SessionId id) {
            return Optional.ofNullable(channels.get(id));
        }

        @Override
        public Optional<ClientSession> findByPeer(PeerAddress peer) {
            return sessions.values().stream().filter(s -> s.address().equals(peer)).reduce((a, b) -> b);
        }

        @Override
        public java.util.Collection<ClientSession> all() {
            return List.copyOf(sessions.values());
        }

        @Override
        public Optional<ClientSession> remove(SessionId id) {
            channels.remove(id);
            return Optional.ofNullable(sessions.remove(id));
        }

        @Override
        public Optional<ClientSession> remove(SessionId id, ClientChannel channel) {
            return channels.get(id) == channel ? remove(id) : Optional.empty();
        }

        @Override
        public Optional<PeerAddress> recentlyRemoved(SessionId id) {
            return Optional.empty();
        }

        @Override
        public int size() {
            return sessions.size();
        }
    }

    private final CountingRegistry registry = new CountingRegistry();
    private final AuditTrail events = mock(AuditTrail.class);
    private final Clock clock = Clock.systemUTC();
    private final SignalBus bus = mock(SignalBus.class);
    private final PeerDirectory directory = mock(PeerDirectory.class);
    private final RoomStore rooms = mock(RoomStore.class);
    private final ResumeStore resumes = mock(ResumeStore.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final SignalLimits signalLimits = new SignalLimits(50, 16, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(15), Duration.ofSeconds(30));
    private final SessionMessenger messenger = new SessionMessenger(registry, bus);
    private final RepairDemand repair = new RepairDemand();
    private final ClusterAdmission admission = new ClusterAdmission(tenants, mock(ConnectionQuota.class), directory,
            registry, messenger, repair);
    private final DisconnectClientService disconnect = new DisconnectClientService(registry, rooms, messenger, resumes,
            directory, admission, events, signalLimits, repair, clock);
    private final ConnectClientService connect = new ConnectClientService(registry, events,
            new SessionLimits(2, 60, 4000, 20), admission,
            new SessionResumption(resumes, directory, bus, new HandOverSessionService(registry, disconnect),
                    new JoinRoomService(registry, rooms, messenger, signalLimits), Duration.ofMillis(200)),
            UUID::randomUUID, clock);
    private final ClientChannel channel = mock(ClientChannel.class);

    @org.junit.jupiter.api.BeforeEach
    void cluster() {
        when(bus.nodeId()).thenReturn("node-1");
        when(bus.flushInbound()).thenReturn(java.util.concurrent.CompletableFuture.completedFuture(null));
        when(tenants.findById(any())).thenReturn(Optional.empty());
        when(directory.claim(any(), any())).thenReturn(Optional.empty());
    }
    private final AuthenticatedPeer peer = new AuthenticatedPeer(new TenantId(UUID.randomUUID()), new PeerId("alice"));

    @Test
    void admitsUpToCapacityThenRefusesAndAuditsBoth() {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(connect.connect(peer, channel, Optional.empty()));
        }
        assertThat(results.get(0)).isInstanceOf(Result.Connected.class);
        assertThat(((Result.Connected) results.get(1)).session().state()).isEqualTo(SessionState.OPEN);
        assertThat(results.get(2)).isEqualTo(new Result.Refused("server at capacity"));
        ArgumentCaptor<SessionEvent> recorded = ArgumentCaptor.forClass(SessionEvent.class);
        verify(events, org.mockito.Mockito.times(3)).record(recorded.capture());
        assertThat(recorded.getAllValues()).extracting(SessionEvent::type).containsExactly(SessionEventType.CONNECTED,
                SessionEventType.CONNECTED, SessionEventType.CAPACITY_REFUSED);
    }

    @Test
    void disconnectingFreesThePlaceAndIsRecordedOnce() {
        ClientSession session = ((Result.Connected) connect.connect(peer, channel, Optional.empty())).session();
        connect.connect(peer, channel, Optional.empty());
        disconnect.disconnect(session.id(), channel, "closed with 1000", true);
        disconnect.disconnect(session.id(), channel, "closed again", true);
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThat(connect.connect(peer, channel, Optional.empty())).isInstanceOf(Result.Connected.class);
        ArgumentCaptor<SessionEvent> recorded = ArgumentCaptor.forClass(SessionEvent.class);
        verify(events, org.mockito.Mockito.times(4)).record(recorded.capture());
        assertThat(recorded.getAllValues()).filteredOn(e -> e.type() == SessionEventType.DISCONNECTED)
                .singleElement().satisfies(e -> assertThat(e.reason()).contains("closed with 1000"));
    }

    @Test
    void aResumeRefusedForCapacityDoesNotSpendItsTicket() {
        connect.connect(peer, channel, Optional.empty());
        connect.connect(new AuthenticatedPeer(peer.tenantId(), new PeerId("carol")), channel, Optional.empty());
        SessionId away = new SessionId(UUID.randomUUID());
        when(resumes.check(any())).thenReturn(io.parley.core.signal.ResumeCheck.MATCHES);
        when(resumes.reserve(any(), any())).thenReturn(true);
        Result refused = connect.connect(peer, channel, Optional.of(new ResumeRequest(
                ResumeToken.issue(away, UUID.randomUUID()).value(), OptionalLong.empty())));
        assertThat(refused).isEqualTo(new Result.Refused("server at capacity"));
        verify(resumes, never()).take(any());
    }

    @Test
    void aResumeWhoseTicketWasTakenMeanwhileIsRefusedAndLeavesNothingBehind() {
        SessionId away = new SessionId(UUID.randomUUID());
        when(resumes.check(any())).thenReturn(io.parley.core.signal.ResumeCheck.MATCHES);
        when(resumes.reserve(any(), any())).thenReturn(true);
        when(resumes.take(any())).thenReturn(Optional.empty());
        Result refused = connect.connect(peer, channel, Optional.of(new ResumeRequest(
                ResumeToken.issue(away, UUID.randomUUID()).value(), OptionalLong.empty())));
        assertThat(refused).isEqualTo(new Result.Refused("session resumed by another connection"));
        assertThat(registry.size()).isZero();
        verify(directory).release(new PeerDirectory.Claim(peer.address(), new SessionLocation("node-1", away)));
    }
}

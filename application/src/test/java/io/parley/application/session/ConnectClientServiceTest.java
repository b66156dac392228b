package io.parley.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase.Result;
import io.parley.core.port.out.SessionEventRepository;
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

        @Override
        public synchronized boolean register(ClientSession session, int capacity) {
            if (sessions.size() >= capacity) {
                return false;
            }
            sessions.put(session.id(), session);
            return true;
        }

        @Override
        public Optional<ClientSession> find(SessionId id) {
            return Optional.ofNullable(sessions.get(id));
        }

        @Override
        public Optional<ClientSession> remove(SessionId id) {
            return Optional.ofNullable(sessions.remove(id));
        }

        @Override
        public int size() {
            return sessions.size();
        }
    }

    private final CountingRegistry registry = new CountingRegistry();
    private final SessionEventRepository events = mock(SessionEventRepository.class);
    private final Clock clock = Clock.systemUTC();
    private final ConnectClientService connect = new ConnectClientService(registry, events,
            new SessionLimits(2, 60, 4000, 20), UUID::randomUUID, clock);
    private final DisconnectClientService disconnect = new DisconnectClientService(registry, events, clock);
    private final AuthenticatedPeer peer = new AuthenticatedPeer(new TenantId(UUID.randomUUID()), new PeerId("alice"));

    @Test
    void admitsUpToCapacityThenRefusesAndAuditsBoth() {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(connect.connect(peer));
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
        ClientSession session = ((Result.Connected) connect.connect(peer)).session();
        connect.connect(peer);
        disconnect.disconnect(session.id(), "closed with 1000");
        disconnect.disconnect(session.id(), "closed again");
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThat(connect.connect(peer)).isInstanceOf(Result.Connected.class);
        ArgumentCaptor<SessionEvent> recorded = ArgumentCaptor.forClass(SessionEvent.class);
        verify(events, org.mockito.Mockito.times(4)).record(recorded.capture());
        assertThat(recorded.getAllValues()).filteredOn(e -> e.type() == SessionEventType.DISCONNECTED)
                .singleElement().satisfies(e -> assertThat(e.reason()).contains("closed with 1000"));
    }
}

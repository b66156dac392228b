package io.parley.application.session;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionId;
import io.parley.core.session.SessionLimits;
import java.time.Clock;

/** Admits an authenticated peer as a new session while the node has room, and audits the outcome. */
public class ConnectClientService implements ConnectClientUseCase {

    static final String AT_CAPACITY = "server at capacity";

    private final SessionRegistry registry;
    private final SessionEventRepository events;
    private final SessionLimits limits;
    private final IdGenerator ids;
    private final Clock clock;

    public ConnectClientService(SessionRegistry registry, SessionEventRepository events, SessionLimits limits,
            IdGenerator ids, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Result connect(AuthenticatedPeer peer) {
        ClientSession session = new ClientSession(new SessionId(ids.newId()), peer.peerId(), peer.tenantId(),
                clock.instant());
        if (!registry.register(session, limits.maxConnections())) {
            events.record(SessionEvent.capacityRefused(peer.tenantId(), peer.peerId(), AT_CAPACITY, clock.instant()));
            return new Result.Refused(AT_CAPACITY);
        }
        try {
            session.open();
            events.record(SessionEvent.connected(session, clock.instant()));
        } catch (RuntimeException e) {
            registry.remove(session.id());
            throw e;
        }
        return new Result.Connected(session);
    }
}

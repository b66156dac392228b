package io.parley.application.session;

import io.parley.application.signal.ClusterAdmission;
import io.parley.application.signal.SessionResumption;
import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionId;
import io.parley.core.session.SessionLimits;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * Admits an authenticated peer as a session while this node, its tenant and the cluster have room;
 * takes back a session that went away when a valid resume token is presented; audits the outcome.
 */
public class ConnectClientService implements ConnectClientUseCase {

    static final String AT_CAPACITY = "server at capacity";
    static final String CLUSTER_UNAVAILABLE = "cluster state unavailable";
    private static final System.Logger LOG = System.getLogger(ConnectClientService.class.getName());

    private final SessionRegistry registry;
    private final AuditTrail events;
    private final SessionLimits limits;
    private final ClusterAdmission admission;
    private final SessionResumption resumption;
    private final IdGenerator ids;
    private final Clock clock;

    public ConnectClientService(SessionRegistry registry, AuditTrail events, SessionLimits limits,
            ClusterAdmission admission, SessionResumption resumption, IdGenerator ids, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.limits = limits;
        this.admission = admission;
        this.resumption = resumption;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Result connect(AuthenticatedPeer peer, ClientChannel channel, Optional<String> resumeToken) {
        Optional<SessionResumption.Ticket> ticket;
        try {
            ticket = resumeToken.map(token -> resumption.take(peer, token));
        } catch (RuntimeException e) {
            return refuse(peer, CLUSTER_UNAVAILABLE, e);
        }
        SessionId id = ticket.flatMap(SessionResumption.Ticket::sessionId).orElseGet(() -> new SessionId(ids.newId()));
        ClientSession session = new ClientSession(id, peer.peerId(), peer.tenantId(), clock.instant(),
                id + "." + ids.newId());
        if (!registry.register(session, channel, limits.maxConnections())) {
            return refuse(peer, AT_CAPACITY, null);
        }
        try {
            Optional<String> refusal = admission.admit(session);
            if (refusal.isPresent()) {
                registry.remove(session.id());
                return refuse(peer, refusal.get(), null);
            }
            session.open();
            ticket.ifPresent(t -> resumption.rejoin(session, t));
            events.record(SessionEvent.connected(session, clock.instant()));
        } catch (RuntimeException e) {
            registry.remove(session.id());
            admission.releaseQuietly(session);
            return refuse(peer, CLUSTER_UNAVAILABLE, e);
        }
        return new Result.Connected(session, ticket.map(SessionResumption.Ticket::resumed));
    }

    private Result refuse(AuthenticatedPeer peer, String reason, RuntimeException cause) {
        if (cause != null) {
            LOG.log(Level.WARNING, "refusing {0}: {1}", peer.peerId(), cause.getMessage());
        }
        try {
            events.record(SessionEvent.capacityRefused(peer.tenantId(), peer.peerId(), reason, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not audit a refused connection: {0}", e.getMessage());
        }
        return new Result.Refused(reason);
    }
}

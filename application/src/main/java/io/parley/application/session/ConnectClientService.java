package io.parley.application.session;

import io.parley.application.signal.ClusterAdmission;
import io.parley.application.signal.ResumePreparation;
import io.parley.application.signal.SessionResumption;
import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.signal.RoomRejoin;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.ResumeToken;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionId;
import io.parley.core.session.SessionLimits;
import io.parley.core.signal.ResumeClaim;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Admits an authenticated peer as a session while this node, its tenant and the cluster have room;
 * takes back a session that went away (or whose old socket went silent) when its owner presents the
 * resume token, spending the token only once the connection is admitted; audits the outcome.
 */
public class ConnectClientService implements ConnectClientUseCase {

    static final String AT_CAPACITY = "server at capacity";
    static final String CLUSTER_UNAVAILABLE = "cluster state unavailable";
    static final String RESUME_RACED = "session resumed by another connection";
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
    public Result connect(AuthenticatedPeer peer, ClientChannel channel, Optional<ResumeRequest> resume) {
        ResumePreparation preparation;
        try {
            preparation = resume.isEmpty() ? new ResumePreparation.NotResumable()
                    : resumption.prepare(peer, resume.get().token());
        } catch (RuntimeException e) {
            return refuse(peer, CLUSTER_UNAVAILABLE, e);
        }
        if (preparation instanceof ResumePreparation.InProgress) {
            return refuse(peer, RESUME_RACED, null);
        }
        Optional<ResumeClaim> claim = preparation instanceof ResumePreparation.Reserved reserved
                ? Optional.of(reserved.claim()) : Optional.empty();
        Result result = admit(peer, channel, claim, resume);
        if (result instanceof Result.Refused) {
            claim.ifPresent(this::releaseQuietly);
        }
        return result;
    }

    private Result admit(AuthenticatedPeer peer, ClientChannel channel, Optional<ResumeClaim> claim,
            Optional<ResumeRequest> resume) {
        SessionId id = claim.map(ResumeClaim::sessionId).orElseGet(() -> new SessionId(ids.newId()));
        ClientSession session = new ClientSession(id, peer.peerId(), peer.tenantId(), clock.instant(),
                ResumeToken.issue(id, ids.newId()).value(), claim.map(ResumeClaim::tokenHash));
        Optional<ClientSession> older = registry.findByPeer(peer.address());
        if (!registry.register(session, channel, limits.maxConnections())) {
            return refuse(peer, registry.find(id).isPresent() ? RESUME_RACED : AT_CAPACITY, null);
        }
        try {
            Optional<String> refusal = admission.admit(session, older);
            if (refusal.isPresent()) {
                registry.remove(session.id(), channel);
                return refuse(peer, refusal.get(), null);
            }
            Optional<SessionResumption.Ticket> ticket = claim.flatMap(c -> resumption.take(c, resume.get().seen()));
            if (claim.isPresent() && ticket.isEmpty()) {
                registry.remove(session.id(), channel);
                admission.withdrawQuietly(session);
                return refuse(peer, RESUME_RACED, null);
            }
            session.open();
            List<RoomRejoin> rejoined = ticket.map(t -> resumption.rejoin(session, t)).orElse(List.of());
            events.record(SessionEvent.connected(session, clock.instant()));
            return new Result.Connected(session, resume.map(r -> ticket.map(SessionResumption.Ticket::resumed)
                    .orElseGet(Resumed::lostSession)), rejoined);
        } catch (RuntimeException e) {
            registry.remove(session.id(), channel);
            admission.withdrawQuietly(session);
            return refuse(peer, CLUSTER_UNAVAILABLE, e);
        }
    }

    private void releaseQuietly(ResumeClaim claim) {
        try {
            resumption.release(claim);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not give back the resume of {0}; it frees itself shortly: {1}",
                    claim.sessionId(), e.getMessage());
        }
    }

    private Result refuse(AuthenticatedPeer peer, String reason, RuntimeException cause) {
        if (cause != null) {
            LOG.log(Level.WARNING, "refusing {0}: {1}", peer.peerId(), cause.getMessage());
        }
        events.record(SessionEvent.capacityRefused(peer.tenantId(), peer.peerId(), reason, clock.instant()));
        return new Result.Refused(reason);
    }
}

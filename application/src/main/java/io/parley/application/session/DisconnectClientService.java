package io.parley.application.session;

import io.parley.application.signal.ClusterAdmission;
import io.parley.application.signal.RepairDemand;
import io.parley.application.signal.SessionMessenger;
import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionId;
import io.parley.core.session.SignalLimits;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RecentFrames;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closes a session once: keeps it resumable for the resume window (unless a newer session replaced
 * it) with the frames its socket may not have delivered, frees its place on the node, tells its rooms
 * it left, and records its duration and usage. The peer is marked away before the session leaves the
 * node, so frames sent to it meanwhile are kept rather than lost.
 */
public class DisconnectClientService implements DisconnectClientUseCase {

    static final String REASON_DISCONNECTED = "disconnected";
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(DisconnectClientService.class.getName());

    private final SessionRegistry registry;
    private final RoomStore rooms;
    private final SessionMessenger messenger;
    private final ResumeStore resumes;
    private final PeerDirectory directory;
    private final ClusterAdmission admission;
    private final AuditTrail events;
    private final SignalLimits limits;
    private final RepairDemand repair;
    private final Clock clock;

    public DisconnectClientService(SessionRegistry registry, RoomStore rooms, SessionMessenger messenger,
            ResumeStore resumes, PeerDirectory directory, ClusterAdmission admission, AuditTrail events,
            SignalLimits limits, RepairDemand repair, Clock clock) {
        this.registry = registry;
        this.rooms = rooms;
        this.messenger = messenger;
        this.resumes = resumes;
        this.directory = directory;
        this.admission = admission;
        this.events = events;
        this.limits = limits;
        this.repair = repair;
        this.clock = clock;
    }

    @Override
    public void disconnect(SessionId sessionId, ClientChannel channel, String reason, boolean resumable) {
        ClientSession session = registry.find(sessionId).orElse(null);
        if (session == null || registry.channel(sessionId).orElse(null) != channel || !session.close(clock.instant())) {
            return;
        }
        events.record(SessionEvent.disconnected(session, reason, session.duration(clock), clock.instant()));
        boolean keep = resumable ? markAway(session) : withdraw(session);
        if (keep) {
            awaitFramesInFlight();
        }
        registry.remove(sessionId, channel);
        leaveCluster(session, keep, channel.recentFrames());
    }

    /**
     * Frames published to this node before the peer was marked away may still be on their way; once the
     * bus has handed over everything published before now, they are all in the socket's recent frames.
     */
    private void awaitFramesInFlight() {
        try {
            messenger.flushInbound().toCompletableFuture().get(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.DEBUG, "frames in flight not confirmed: {0}", e.getMessage());
        }
    }

    /** From here on, frames for the peer are kept for its resume instead of coming to this node. */
    private boolean markAway(ClientSession session) {
        try {
            directory.markAway(session.address(), messenger.here(session.id()), limits.resumeWindow());
            return true;
        } catch (RuntimeException e) {
            repair.raise();
            LOG.log(Level.WARNING, "cluster state unreachable; {0} cannot be resumed: {1}", session.id(),
                    e.getMessage());
            return false;
        }
    }

    /** A session that cannot be resumed leaves the directory (unless a newer session of its peer holds the entry). */
    private boolean withdraw(ClientSession session) {
        try {
            directory.release(new PeerDirectory.Claim(session.address(), messenger.here(session.id())));
        } catch (RuntimeException e) {
            repair.raise();
            LOG.log(Level.WARNING, "cluster state unreachable; the directory entry of {0} stays until repair: {1}",
                    session.id(), e.getMessage());
        }
        return false;
    }

    private void leaveCluster(ClientSession session, boolean resumable, RecentFrames sent) {
        try {
            if (resumable) {
                resumes.away(session, limits.resumeWindow(), sent);
            }
            for (RoomName room : session.rooms()) {
                for (RoomMember member : rooms.leave(session.address(), room, messenger.here(session.id()))) {
                    messenger.send(member.location(), new Outbound.PeerLeft(room, session.peerId(),
                            REASON_DISCONNECTED));
                }
            }
        } catch (RuntimeException e) {
            repair.raise();
            LOG.log(Level.WARNING, "cluster state unreachable while closing {0}; repair will catch up: {1}",
                    session.id(), e.getMessage());
        }
        admission.releaseQuietly(session);
    }
}

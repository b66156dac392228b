package io.parley.application.session;

import io.parley.application.signal.ClusterAdmission;
import io.parley.application.signal.SessionMessenger;
import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionId;
import io.parley.core.session.SignalLimits;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Closes a session once: frees its place on the node, tells its rooms it left, keeps it resumable
 * for the resume window (unless a newer session replaced it), and records its duration and usage.
 */
public class DisconnectClientService implements DisconnectClientUseCase {

    static final String REASON_DISCONNECTED = "disconnected";
    private static final System.Logger LOG = System.getLogger(DisconnectClientService.class.getName());

    private final SessionRegistry registry;
    private final RoomStore rooms;
    private final SessionMessenger messenger;
    private final ResumeStore resumes;
    private final PeerDirectory directory;
    private final ClusterAdmission admission;
    private final AuditTrail events;
    private final SignalLimits limits;
    private final Clock clock;

    public DisconnectClientService(SessionRegistry registry, RoomStore rooms, SessionMessenger messenger,
            ResumeStore resumes, PeerDirectory directory, ClusterAdmission admission, AuditTrail events,
            SignalLimits limits, Clock clock) {
        this.registry = registry;
        this.rooms = rooms;
        this.messenger = messenger;
        this.resumes = resumes;
        this.directory = directory;
        this.admission = admission;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void disconnect(SessionId sessionId, String reason, boolean resumable) {
        registry.remove(sessionId).ifPresent(session -> {
            if (session.close(clock.instant())) {
                leaveCluster(session, resumable);
                events.record(SessionEvent.disconnected(session, reason, session.duration(clock), clock.instant()));
            }
        });
    }

    private void leaveCluster(ClientSession session, boolean resumable) {
        try {
            if (resumable) {
                resumes.away(session, limits.resumeWindow());
                directory.markAway(session.address(), messenger.here(session.id()), limits.resumeWindow());
            }
            for (RoomName room : session.rooms()) {
                for (RoomMember member : rooms.leave(session.address(), room, messenger.here(session.id()))) {
                    messenger.send(member.location(), new Outbound.PeerLeft(room, session.peerId(),
                            REASON_DISCONNECTED));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster state unreachable while closing {0}; node cleanup will catch up: {1}",
                    session.id(), e.getMessage());
        }
        admission.releaseQuietly(session);
    }
}

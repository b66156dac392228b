package io.parley.application.signal;

import io.parley.core.port.in.MaintainClusterUseCase;
import io.parley.core.port.out.ClusterNodes;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SignalLimits;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomMember;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of cluster upkeep. Shared state in Redis is soft: when a heartbeat finds that Redis no
 * longer knew this node (restart, flush, or survivors took it for dead), the node asserts all its
 * sessions again, so the cluster heals by itself; and survivors evict the sessions of nodes that
 * stopped heartbeating, telling their rooms the peers were lost. Steady-state upkeep costs two
 * Redis calls, whatever the number of sessions.
 */
public class MaintainClusterService implements MaintainClusterUseCase {

    public static final int CLOSE_IDLE = 4408;
    static final String REASON_LOST = "lost";
    private static final System.Logger LOG = System.getLogger(MaintainClusterService.class.getName());

    private final SessionRegistry sessions;
    private final ClusterNodes nodes;
    private final PeerDirectory directory;
    private final RoomStore rooms;
    private final ConnectionQuota quota;
    private final SessionMessenger messenger;
    private final SignalLimits limits;
    private final Clock clock;

    public MaintainClusterService(SessionRegistry sessions, ClusterNodes nodes, PeerDirectory directory,
            RoomStore rooms, ConnectionQuota quota, SessionMessenger messenger, SignalLimits limits, Clock clock) {
        this.sessions = sessions;
        this.nodes = nodes;
        this.directory = directory;
        this.rooms = rooms;
        this.quota = quota;
        this.messenger = messenger;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void maintain() {
        closeIdleSessions();
        try {
            String self = messenger.nodeId();
            if (nodes.heartbeat(self)) {
                reassert(self);
            }
            for (String dead : nodes.silentFor(deadAfter(limits))) {
                if (!dead.equals(self) && nodes.claimCleanup(dead)) {
                    cleanUpAfter(dead);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster upkeep skipped, shared state unreachable: {0}", e.getMessage());
        }
    }

    private void closeIdleSessions() {
        Instant cutoff = clock.instant().minus(limits.idleTimeout());
        for (ClientSession session : sessions.all()) {
            if (session.lastActivityAt().isBefore(cutoff)) {
                sessions.channel(session.id()).ifPresent(channel -> channel.close(CLOSE_IDLE, "idle timeout"));
            }
        }
    }

    private void reassert(String self) {
        List<PeerDirectory.Claim> claims = new ArrayList<>();
        List<RoomStore.Membership> memberships = new ArrayList<>();
        List<ConnectionQuota.Entry> counted = new ArrayList<>();
        for (ClientSession session : sessions.all()) {
            var location = messenger.here(session.id());
            claims.add(new PeerDirectory.Claim(session.address(), location));
            session.rooms().forEach(room -> memberships.add(new RoomStore.Membership(session.address(), room, location)));
            counted.add(new ConnectionQuota.Entry(session.tenantId(), session.id()));
        }
        directory.refresh(claims);
        rooms.refresh(memberships);
        quota.refresh(self, counted);
    }

    private void cleanUpAfter(String dead) {
        LOG.log(Level.INFO, "node {0} stopped heartbeating; evicting its sessions", dead);
        for (RoomStore.Departure departure : rooms.evictNode(dead)) {
            for (RoomMember member : departure.remaining()) {
                messenger.send(member.location(), new Outbound.PeerLeft(departure.room(),
                        departure.departed().peerId(), REASON_LOST));
            }
        }
        directory.evictNode(dead);
        quota.evictNode(dead);
        nodes.forget(dead);
    }

    /** How often upkeep runs: three times per node TTL, so entries never expire under a live node. */
    public static Duration period(SignalLimits limits) {
        return limits.nodeTtl().dividedBy(3);
    }

    /**
     * A node that missed two heartbeats is dead. Checked every period, that finds a killed node at
     * most one node TTL after it died.
     */
    static Duration deadAfter(SignalLimits limits) {
        return period(limits).multipliedBy(2);
    }
}

package io.parley.application.signal;

import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.in.MaintainClusterUseCase;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.ClusterNodes;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.CloseCause;
import io.parley.core.session.SessionId;
import io.parley.core.session.SignalLimits;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One round of cluster upkeep. Shared state in Redis is soft: when a heartbeat finds that Redis no
 * longer knew this node (restart, flush, or survivors took it for dead), the node asserts all its
 * sessions again; every repair interval (and soon after a failed release) it removes what it holds
 * there for sessions it no longer has; survivors evict the sessions of nodes that stopped
 * heartbeating. Steady-state upkeep costs two Redis calls, whatever the number of sessions.
 */
public class MaintainClusterService implements MaintainClusterUseCase {

    static final String REASON_SOCKET_LOST = "socket lost";
    private static final System.Logger LOG = System.getLogger(MaintainClusterService.class.getName());

    private final SessionRegistry sessions;
    private final ClusterNodes nodes;
    private final SharedStateRepair shared;
    private final RepairDemand demand;
    private final SessionMessenger messenger;
    private final SignalLimits limits;
    private final Clock clock;
    private final DisconnectClientUseCase disconnect;
    private Set<SessionId> silentlyClosed = Set.of();
    private Instant nextRepair;
    private int urgentRounds;
    private volatile boolean joined;

    public MaintainClusterService(SessionRegistry sessions, ClusterNodes nodes, SharedStateRepair shared,
            RepairDemand demand, SessionMessenger messenger, DisconnectClientUseCase disconnect, SignalLimits limits,
            Clock clock) {
        this.sessions = sessions;
        this.disconnect = disconnect;
        this.nodes = nodes;
        this.shared = shared;
        this.demand = demand;
        this.messenger = messenger;
        this.limits = limits;
        this.clock = clock;
        this.nextRepair = clock.instant().plus(limits.repairInterval());
    }

    @Override
    public void start() {
        String self = messenger.nodeId();
        shared.evict(self, "its previous run");
        nodes.heartbeat(self);
        joined = true;
    }

    @Override
    public boolean hasJoined() {
        return joined;
    }

    @Override
    public void maintain() {
        closeIdleAndLostSessions();
        try {
            String self = messenger.nodeId();
            if (nodes.heartbeat(self)) {
                shared.reassert(self);
            }
            if (repairDue()) {
                shared.repair(self);
            }
            for (String dead : nodes.silentFor(deadAfter(limits))) {
                if (!dead.equals(self) && nodes.claimCleanup(dead)) {
                    shared.evict(dead, "it stopped heartbeating");
                    nodes.forget(dead);
                }
            }
        } catch (RuntimeException e) {
            demand.raise();
            LOG.log(Level.WARNING, "cluster upkeep skipped, shared state unreachable: {0}", e.getMessage());
        }
    }

    /** Every repair interval; after a failed release, the next two rounds (a repair needs two sightings). */
    private synchronized boolean repairDue() {
        if (demand.takeRaised()) {
            urgentRounds = 2;
        }
        Instant now = clock.instant();
        if (urgentRounds > 0) {
            urgentRounds--;
            return true;
        }
        if (!now.isBefore(nextRepair)) {
            nextRepair = now.plus(limits.repairInterval());
            return true;
        }
        return false;
    }

    /**
     * Closes idle sockets, and ends sessions whose socket closed without its close being reported (a
     * transport race when a client drops during the upgrade): seen twice, a round apart, they end here.
     */
    private void closeIdleAndLostSessions() {
        Instant cutoff = clock.instant().minus(limits.idleTimeout());
        Set<SessionId> closed = new HashSet<>();
        for (ClientSession session : sessions.all()) {
            Optional<ClientChannel> channel = sessions.channel(session.id());
            if (channel.isPresent() && channel.get().isGone()) {
                if (silentlyClosed.contains(session.id())) {
                    LOG.log(Level.INFO, "ending session {0}: its socket closed unreported", session.id());
                    disconnect.disconnect(session.id(), channel.get(), REASON_SOCKET_LOST, true);
                } else {
                    closed.add(session.id());
                }
            } else if (session.lastActivityAt().isBefore(cutoff)) {
                channel.ifPresent(c -> c.close(CloseCause.IDLE));
            }
        }
        silentlyClosed = closed;
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

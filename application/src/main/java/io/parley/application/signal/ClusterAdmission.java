package io.parley.application.signal;

import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.session.ClientSession;
import io.parley.core.session.CloseCause;
import io.parley.core.signal.Outbound;
import io.parley.core.tenant.Tenant;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Admits a session to the cluster: checks its tenant's connection cap, claims its peer id in the
 * shared directory, and closes an older session of the same peer (4409 "replaced") wherever it lives.
 */
public class ClusterAdmission {

    private static final System.Logger LOG = System.getLogger(ClusterAdmission.class.getName());

    private final TenantRepository tenants;
    private final ConnectionQuota quota;
    private final PeerDirectory directory;
    private final SessionRegistry sessions;
    private final SessionMessenger messenger;
    private final RepairDemand repair;

    public ClusterAdmission(TenantRepository tenants, ConnectionQuota quota, PeerDirectory directory,
            SessionRegistry sessions, SessionMessenger messenger, RepairDemand repair) {
        this.tenants = tenants;
        this.quota = quota;
        this.directory = directory;
        this.sessions = sessions;
        this.messenger = messenger;
        this.repair = repair;
    }

    /**
     * Returns the refusal reason, or empty when admitted; {@code older} is the session the peer had on this
     * node before this one registered. Throws when the shared store is unreachable.
     */
    public Optional<String> admit(ClientSession session, Optional<ClientSession> older) {
        Optional<Integer> cap = tenants.findById(session.tenantId()).flatMap(Tenant::maxConnections);
        if (cap.isPresent() && !quota.acquire(session.tenantId(), session.id(), messenger.nodeId(), cap.get())) {
            return Optional.of("tenant at capacity");
        }
        older.filter(previous -> !previous.id().equals(session.id()))
                .flatMap(previous -> sessions.channel(previous.id()))
                .ifPresent(previous -> previous.deliver(new Outbound.Close(CloseCause.REPLACED)));
        directory.claim(session.address(), messenger.here(session.id()))
                .filter(previous -> !previous.sessionId().equals(session.id()))
                .ifPresent(previous -> messenger.send(previous, new Outbound.Close(CloseCause.REPLACED)));
        return Optional.empty();
    }

    /** Gives back the session's place in its tenant's count; a failure is left to the node's repair. */
    public void releaseQuietly(ClientSession session) {
        try {
            quota.release(session.tenantId(), session.id(), messenger.nodeId());
        } catch (RuntimeException e) {
            repair.raise();
            LOG.log(Level.WARNING, "could not release the connection count of {0}; repair will: {1}", session.id(),
                    e.getMessage());
        }
    }

    /** Undoes a whole admission that could not finish: the count and the directory entry. */
    public void withdrawQuietly(ClientSession session) {
        releaseQuietly(session);
        try {
            directory.release(new PeerDirectory.Claim(session.address(), messenger.here(session.id())));
        } catch (RuntimeException e) {
            repair.raise();
            LOG.log(Level.WARNING, "could not withdraw the directory entry of {0}; repair will: {1}", session.id(),
                    e.getMessage());
        }
    }
}

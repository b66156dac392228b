package io.parley.core.port.out;

import java.time.Duration;
import java.util.List;

/** The nodes of the cluster and their heartbeats, so that survivors can clean up after a dead one. */
public interface ClusterNodes {

    /**
     * Records a heartbeat. Returns true when the node was not known: the shared store lost its state
     * (restart, flush) or survivors took the node for dead, so its sessions must be asserted again.
     */
    boolean heartbeat(String nodeId);

    /** Nodes whose last heartbeat is older than {@code ttl}. */
    List<String> silentFor(Duration ttl);

    /** Claims the clean-up of a dead node; only one survivor wins. */
    boolean claimCleanup(String nodeId);

    /** Forgets a node that was cleaned up or that left the cluster. */
    void forget(String nodeId);
}

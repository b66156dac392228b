package io.parley.core.port.in;

/**
 * Upkeep of this node's place in the cluster: clearing what an earlier run under the same node id left
 * behind, heartbeats, re-asserting its sessions, repairing its shared state against what it really
 * holds, closing idle sessions, and cleaning up after dead nodes.
 */
public interface MaintainClusterUseCase {

    /** Runs once before the node takes sessions: clears shared state left under this node id (after a crash). */
    void start();

    /** Whether {@link #start} succeeded, so that the node may take sessions. */
    boolean hasJoined();

    /** One round of periodic upkeep. */
    void maintain();
}

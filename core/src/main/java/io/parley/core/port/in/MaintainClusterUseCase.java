package io.parley.core.port.in;

/**
 * Periodic upkeep of this node's place in the cluster: heartbeat, re-asserting its sessions in the
 * shared directory, closing idle sessions, and cleaning up after dead nodes.
 */
public interface MaintainClusterUseCase {

    void maintain();
}

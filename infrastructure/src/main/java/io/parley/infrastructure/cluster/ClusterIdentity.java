package io.parley.infrastructure.cluster;

import io.parley.infrastructure.config.ParleyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This node's id in the cluster: configured, or random per process start. */
@ApplicationScoped
public class ClusterIdentity {

    private final String nodeId;

    public ClusterIdentity(ParleyConfig config) {
        this.nodeId = config.cluster().nodeId().filter(id -> id.matches("[A-Za-z0-9._-]{1,64}"))
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    public String nodeId() {
        return nodeId;
    }
}

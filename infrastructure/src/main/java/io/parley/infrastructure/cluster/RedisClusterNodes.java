package io.parley.infrastructure.cluster;

import io.parley.core.port.out.ClusterNodes;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Node heartbeats as a Redis hash of node id → last beat (epoch ms); cleanup claimed with SET NX. */
@ApplicationScoped
public class RedisClusterNodes implements ClusterNodes {

    private static final Duration CLAIM_TTL = Duration.ofMinutes(1);

    private final RedisDataSource redis;
    private final HashCommands<String, String, Long> beats;
    private final Clock clock;

    public RedisClusterNodes(RedisDataSource redis, Clock clock) {
        this.redis = redis;
        this.beats = redis.hash(Long.class);
        this.clock = clock;
    }

    @Override
    public boolean heartbeat(String nodeId) {
        return beats.hset(ClusterKeys.NODES, nodeId, clock.millis());
    }

    @Override
    public List<String> silentFor(Duration ttl) {
        long cutoff = clock.millis() - ttl.toMillis();
        Map<String, Long> all = beats.hgetall(ClusterKeys.NODES);
        return all.entrySet().stream().filter(e -> e.getValue() < cutoff).map(Map.Entry::getKey).toList();
    }

    @Override
    public boolean claimCleanup(String nodeId) {
        return redis.execute("SET", ClusterKeys.cleanupClaim(nodeId), "1", "NX", "PX",
                Long.toString(CLAIM_TTL.toMillis())) != null;
    }

    @Override
    public void forget(String nodeId) {
        beats.hdel(ClusterKeys.NODES, nodeId);
    }
}

package io.parley.infrastructure.cluster;

import io.parley.core.port.out.PeerDirectory;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.SessionLocation;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The peer directory as Redis strings, indexed per node so that survivors can evict a dead node's
 * entries. Online entries do not expire (the node's liveness is checked on every relay: a publish
 * nobody hears means the node is gone); away entries expire with the resume window.
 */
@ApplicationScoped
public class RedisPeerDirectory implements PeerDirectory {

    private static final String CLAIM = """
            local previous = redis.call('SET', KEYS[1], ARGV[1], 'GET')
            redis.call('SADD', KEYS[2], KEYS[1])
            return previous
            """;
    /** Deletes the entries of the node's index that still point at the node. */
    private static final String EVICT = """
            local prefix = 'on|' .. ARGV[1] .. '|'
            for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local entry = redis.call('GET', key)
              if entry and string.sub(entry, 1, string.len(prefix)) == prefix then redis.call('DEL', key) end
            end
            redis.call('DEL', KEYS[1])
            return 1
            """;
    private static final String MARK_AWAY = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            end
            return 1
            """;

    private final RedisDataSource redis;

    public RedisPeerDirectory(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Optional<SessionLocation> claim(PeerAddress peer, SessionLocation location) {
        Response previous = redis.execute("EVAL", CLAIM, "2", ClusterKeys.peer(peer),
                ClusterKeys.nodePeers(location.nodeId()), new DirectoryEntry(true, location).encode());
        return DirectoryEntry.decode(previous == null ? null : previous.toString()).filter(DirectoryEntry::online).map(DirectoryEntry::location);
    }

    @Override
    public void markAway(PeerAddress peer, SessionLocation location, Duration window) {
        redis.execute("EVAL", MARK_AWAY, "1", ClusterKeys.peer(peer), new DirectoryEntry(true, location).encode(),
                new DirectoryEntry(false, location).encode(), Long.toString(window.toMillis()));
    }

    @Override
    public void refresh(Collection<Claim> live) {
        if (live.isEmpty()) {
            return;
        }
        redis.withTransaction(tx -> live.forEach(claim -> {
            tx.value(String.class).set(ClusterKeys.peer(claim.peer()), new DirectoryEntry(true, claim.location()).encode());
            tx.set(String.class).sadd(ClusterKeys.nodePeers(claim.location().nodeId()), ClusterKeys.peer(claim.peer()));
        }));
    }

    @Override
    public void evictNode(String nodeId) {
        redis.execute("EVAL", EVICT, "1", ClusterKeys.nodePeers(nodeId), nodeId);
    }
}

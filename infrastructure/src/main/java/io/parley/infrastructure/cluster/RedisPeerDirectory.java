package io.parley.infrastructure.cluster;

import io.parley.core.port.out.PeerDirectory;
import io.parley.core.session.SignalLimits;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.SessionLocation;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** The peer directory as Redis strings that expire unless their node keeps refreshing them. */
@ApplicationScoped
public class RedisPeerDirectory implements PeerDirectory {

    private static final String MARK_AWAY = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            end
            return 1
            """;

    private final RedisDataSource redis;
    private final long ttlMillis;

    public RedisPeerDirectory(RedisDataSource redis, SignalLimits limits) {
        this.redis = redis;
        this.ttlMillis = limits.nodeTtl().toMillis();
    }

    @Override
    public Optional<SessionLocation> claim(PeerAddress peer, SessionLocation location) {
        Response previous = redis.execute("SET", ClusterKeys.peer(peer), new DirectoryEntry(true, location).encode(),
                "PX", Long.toString(ttlMillis), "GET");
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
        redis.withTransaction(tx -> live.forEach(claim -> tx.value(String.class).psetex(
                ClusterKeys.peer(claim.peer()), ttlMillis, new DirectoryEntry(true, claim.location()).encode())));
    }
}

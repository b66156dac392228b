package io.parley.infrastructure.cluster;

import io.parley.core.port.out.PeerDirectory;
import io.parley.core.session.PeerId;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.PeerPresence;
import io.parley.core.signal.SessionLocation;
import io.parley.core.tenant.TenantId;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The peer directory as Redis strings, indexed per node so that survivors can evict a dead node's
 * entries. Online entries do not expire (the node's liveness is checked on every relay: a publish
 * nobody hears means the node is gone); away entries expire with the resume window.
 */
@ApplicationScoped
public class RedisPeerDirectory implements PeerDirectory {

    private static final String KEY_PREFIX = "parley:peer:";
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
    /** Returns [key, entry, ...] of the online entries pointing at the node; drops index keys that point elsewhere. */
    private static final String CLAIMS_OF = """
            local on = 'on|' .. ARGV[1] .. '|'
            local away = 'away|' .. ARGV[1] .. '|'
            local found = {}
            for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local entry = redis.call('GET', key)
              if entry and string.sub(entry, 1, string.len(on)) == on then
                table.insert(found, key); table.insert(found, entry)
              elseif not entry or string.sub(entry, 1, string.len(away)) ~= away then
                redis.call('SREM', KEYS[1], key)
              end
            end
            return found
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
              redis.call('SREM', KEYS[2], KEYS[1])
            end
            return 1
            """;
    /** Puts entries back only where the peer has none (a newer session elsewhere is never overwritten). */
    private static final String RESTORE = """
            for i = 1, #KEYS do
              if redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'NX') then redis.call('SADD', ARGV[2 * i], KEYS[i]) end
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
        return DirectoryEntry.decode(previous == null ? null : previous.toString()).filter(DirectoryEntry::online)
                .map(DirectoryEntry::location);
    }

    @Override
    public Optional<PeerPresence> locate(PeerAddress peer) {
        Response entry = redis.execute("GET", ClusterKeys.peer(peer));
        return DirectoryEntry.decode(entry == null ? null : entry.toString())
                .map(e -> new PeerPresence(e.online(), e.location()));
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
        List<String> args = new ArrayList<>(List.of(RESTORE, Integer.toString(live.size())));
        live.forEach(claim -> args.add(ClusterKeys.peer(claim.peer())));
        live.forEach(claim -> {
            args.add(new DirectoryEntry(true, claim.location()).encode());
            args.add(ClusterKeys.nodePeers(claim.location().nodeId()));
        });
        redis.execute("EVAL", args.toArray(String[]::new));
    }

    @Override
    public List<Claim> claimsOf(String nodeId) {
        Response found = redis.execute("EVAL", CLAIMS_OF, "1", ClusterKeys.nodePeers(nodeId), nodeId);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i + 1 < found.size(); i += 2) {
            Optional<PeerAddress> peer = peerOf(found.get(i).toString());
            Optional<DirectoryEntry> entry = DirectoryEntry.decode(found.get(i + 1).toString());
            if (peer.isPresent() && entry.isPresent()) {
                claims.add(new Claim(peer.get(), entry.get().location()));
            }
        }
        return claims;
    }

    @Override
    public void release(Claim claim) {
        redis.execute("EVAL", RELEASE, "2", ClusterKeys.peer(claim.peer()),
                ClusterKeys.nodePeers(claim.location().nodeId()), new DirectoryEntry(true, claim.location()).encode());
    }

    @Override
    public void evictNode(String nodeId) {
        redis.execute("EVAL", EVICT, "1", ClusterKeys.nodePeers(nodeId), nodeId);
    }

    /** The peer a directory key names: "parley:peer:{tenant}:{peer}". */
    private static Optional<PeerAddress> peerOf(String key) {
        if (!key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(KEY_PREFIX.length());
        int colon = rest.indexOf(':');
        try {
            return Optional.of(new PeerAddress(new TenantId(UUID.fromString(rest.substring(0, colon))),
                    new PeerId(rest.substring(colon + 1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

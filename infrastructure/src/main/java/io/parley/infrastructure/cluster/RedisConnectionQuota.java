package io.parley.infrastructure.cluster;

import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;


/** Per-tenant live sessions as Redis hashes (session → node), checked and added atomically. */
@ApplicationScoped
public class RedisConnectionQuota implements ConnectionQuota {

    private static final String ACQUIRE = """
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[4])
            return 1
            """;
    private static final String EVICT = """
            local tenants = redis.call('SMEMBERS', KEYS[1])
            for _, tenant in ipairs(tenants) do
              local key = 'parley:tenant-sessions:' .. tenant
              local all = redis.call('HGETALL', key)
              for i = 1, #all, 2 do
                if all[i + 1] == ARGV[1] then redis.call('HDEL', key, all[i]) end
              end
            end
            redis.call('DEL', KEYS[1])
            return 1
            """;

    /** Returns [tenant, session, ...] counted for the node; drops index tenants it no longer counts. */
    private static final String ENTRIES_OF = """
            local found = {}
            for _, tenant in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local all = redis.call('HGETALL', 'parley:tenant-sessions:' .. tenant)
              local ours = false
              for i = 1, #all, 2 do
                if all[i + 1] == ARGV[1] then
                  ours = true; table.insert(found, tenant); table.insert(found, all[i])
                end
              end
              if not ours then redis.call('SREM', KEYS[1], tenant) end
            end
            return found
            """;
    /** KEYS: node index; ARGV: node, then tenant, session pairs. Never overwrites a session counted elsewhere. */
    private static final String RESTORE = """
            for i = 2, #ARGV, 2 do
              if redis.call('HSETNX', 'parley:tenant-sessions:' .. ARGV[i], ARGV[i + 1], ARGV[1]) == 1 then
                redis.call('SADD', KEYS[1], ARGV[i])
              end
            end
            return 1
            """;

    private static final String RELEASE = """
            if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
            return 1
            """;

    private final RedisDataSource redis;

    public RedisConnectionQuota(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public boolean acquire(TenantId tenant, SessionId session, String nodeId, int max) {
        return redis.execute("EVAL", ACQUIRE, "2", ClusterKeys.tenantSessions(tenant), ClusterKeys.nodeTenants(nodeId),
                session.toString(), nodeId, Integer.toString(max), tenant.toString()).toLong() == 1;
    }

    @Override
    public void release(TenantId tenant, SessionId session, String nodeId) {
        redis.execute("EVAL", RELEASE, "1", ClusterKeys.tenantSessions(tenant), session.toString(), nodeId);
    }

    @Override
    public void evictNode(String nodeId) {
        redis.execute("EVAL", EVICT, "1", ClusterKeys.nodeTenants(nodeId), nodeId);
    }

    @Override
    public void refresh(String nodeId, Collection<Entry> live) {
        if (live.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(RESTORE, "1", ClusterKeys.nodeTenants(nodeId), nodeId));
        live.forEach(e -> {
            args.add(e.tenant().toString());
            args.add(e.session().toString());
        });
        redis.execute("EVAL", args.toArray(String[]::new));
    }

    @Override
    public List<Entry> entriesOf(String nodeId) {
        Response found = redis.execute("EVAL", ENTRIES_OF, "1", ClusterKeys.nodeTenants(nodeId), nodeId);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i + 1 < found.size(); i += 2) {
            try {
                entries.add(new Entry(new TenantId(UUID.fromString(found.get(i).toString())),
                        new SessionId(UUID.fromString(found.get(i + 1).toString()))));
            } catch (IllegalArgumentException e) {
                // not an entry Parley wrote; leave it to eviction
            }
        }
        return entries;
    }
}

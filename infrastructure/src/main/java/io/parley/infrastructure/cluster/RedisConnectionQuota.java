package io.parley.infrastructure.cluster;

import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;


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
    public void release(TenantId tenant, SessionId session) {
        redis.execute("HDEL", ClusterKeys.tenantSessions(tenant), session.toString());
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
        redis.withTransaction(tx -> live.forEach(e -> {
            tx.hash(String.class).hset(ClusterKeys.tenantSessions(e.tenant()), e.session().toString(), nodeId);
            tx.set(String.class).sadd(ClusterKeys.nodeTenants(nodeId), e.tenant().toString());
        }));
    }

}

package io.parley.infrastructure.redis;

import io.parley.core.port.out.RateLimiter;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Fixed-window counters in Redis: one atomic script counts and reports the window's remaining time. */
@ApplicationScoped
public class RedisRateLimiter implements RateLimiter {

    static final String KEY_PREFIX = "parley:rate:";
    private static final String COUNT_SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {count, ttl}
            """;

    private final RedisDataSource redis;

    public RedisRateLimiter(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Decision tryAcquire(String key, int limit, Duration window) {
        Response result = redis.execute("EVAL", COUNT_SCRIPT, "1", KEY_PREFIX + key,
                Long.toString(window.toMillis()));
        long count = result.get(0).toLong();
        long ttl = result.get(1).toLong();
        return count <= limit ? new Decision(true, 0) : new Decision(false, Math.max(ttl, 1));
    }
}

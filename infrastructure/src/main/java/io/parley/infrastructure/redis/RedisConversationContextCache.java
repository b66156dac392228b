package io.parley.infrastructure.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationContextCache;
import io.parley.infrastructure.config.ParleyConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recent turns per conversation as a capped Redis list of JSON entries, expiring when idle. */
@ApplicationScoped
public class RedisConversationContextCache implements ConversationContextCache {

    static final String KEY_PREFIX = "parley:ctx:";
    private static final String APPEND_SCRIPT = """
            if redis.call('RPUSHX', KEYS[1], ARGV[1]) > 0 then
              redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            return 1
            """;
    private static final String REPLACE_SCRIPT = """
            redis.call('DEL', KEYS[1])
            local n = tonumber(ARGV[1])
            local ttl = ARGV[2]
            for i = 3, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
            if #ARGV > 2 then
              redis.call('LTRIM', KEYS[1], -n, -1)
              redis.call('PEXPIRE', KEYS[1], ttl)
            end
            return 1
            """;

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final long ttlMillis;

    public RedisConversationContextCache(RedisDataSource redis, ObjectMapper json, ParleyConfig config) {
        this.redis = redis;
        this.json = json;
        this.ttlMillis = config.conversation().contextTtl().toMillis();
    }

    @Override
    public Optional<List<Turn>> recent(ConversationId id) {
        Response entries = redis.execute("LRANGE", key(id), "0", "-1");
        if (entries == null || entries.size() == 0) {
            return Optional.empty();
        }
        List<Turn> turns = new ArrayList<>(entries.size());
        for (Response entry : entries) {
            turns.add(fromJson(entry.toString()));
        }
        return Optional.of(turns);
    }

    @Override
    public void append(ConversationId id, Turn turn, int maxTurns) {
        redis.execute("EVAL", APPEND_SCRIPT, "1", key(id), toJson(turn), Integer.toString(maxTurns),
                Long.toString(ttlMillis));
    }

    @Override
    public void replace(ConversationId id, List<Turn> turns, int maxTurns) {
        List<String> args = new ArrayList<>(List.of("EVAL", REPLACE_SCRIPT, "1", key(id),
                Integer.toString(maxTurns), Long.toString(ttlMillis)));
        turns.forEach(t -> args.add(toJson(t)));
        redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
    }

    private static String key(ConversationId id) {
        return KEY_PREFIX + id;
    }

    private String toJson(Turn turn) {
        try {
            return json.writeValueAsString(new CachedTurn(turn.role(), turn.text(), turn.at().toEpochMilli(),
                    turn.tokens()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode turn", e);
        }
    }

    private Turn fromJson(String text) {
        try {
            CachedTurn cached = json.readValue(text, CachedTurn.class);
            return new Turn(cached.role(), cached.text(), Instant.ofEpochMilli(cached.at()), cached.tokens());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt context cache entry", e);
        }
    }

    /** A turn as stored in the cache. */
    record CachedTurn(Role role, String text, long at, long tokens) {
    }
}

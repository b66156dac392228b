package io.parley.infrastructure.cluster;

import io.parley.core.port.out.ResumeStore;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.ResumeTicket;
import io.parley.core.signal.RoomName;
import io.parley.core.tenant.TenantId;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resume records in Redis: a hash per away session (tenant, peer, rooms, token) expiring with the
 * resume window. Frames for the session are kept beside it by the relay script, bounded.
 */
@ApplicationScoped
public class RedisResumeStore implements ResumeStore {

    /** Atomically reads and deletes the record, the kept frames and their counters. */
    private static final String TAKE = """
            local record = redis.call('HGETALL', KEYS[1])
            if #record == 0 then return {} end
            local frames = redis.call('LRANGE', KEYS[2], 0, -1)
            local count = redis.call('HGET', KEYS[3], 'count') or '0'
            local lost = redis.call('HGET', KEYS[3], 'lost') or '0'
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
            return {record, frames, count, lost}
            """;

    private final RedisDataSource redis;

    public RedisResumeStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public void away(ClientSession session, Duration window) {
        String key = ClusterKeys.resume(session.id());
        String rooms = String.join(",", session.rooms().stream().map(RoomName::value).toList());
        redis.withTransaction(tx -> {
            tx.hash(String.class).hset(key, java.util.Map.of("tenant", session.tenantId().toString(),
                    "peer", session.peerId().value(), "token", session.resumeToken(), "rooms", rooms));
            tx.key().pexpire(key, window);
        });
    }

    @Override
    public Optional<ResumeTicket> take(SessionId sessionId, String resumeToken) {
        Response result = redis.execute("EVAL", TAKE, "3", ClusterKeys.resume(sessionId),
                ClusterKeys.missed(sessionId), ClusterKeys.missedMeta(sessionId));
        if (result == null || result.size() < 4) {
            return Optional.empty();
        }
        java.util.Map<String, String> record = new java.util.HashMap<>();
        Response fields = result.get(0);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            record.put(fields.get(i).toString(), fields.get(i + 1).toString());
        }
        if (!MessageDigest.isEqual(resumeToken.getBytes(StandardCharsets.UTF_8),
                record.getOrDefault("token", "").getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        List<String> frames = new ArrayList<>();
        result.get(1).forEach(frame -> frames.add(frame.toString()));
        List<RoomName> rooms = record.getOrDefault("rooms", "").isEmpty() ? List.of()
                : Arrays.stream(record.get("rooms").split(",")).map(RoomName::new).toList();
        return Optional.of(new ResumeTicket(sessionId, new TenantId(UUID.fromString(record.get("tenant"))),
                new PeerId(record.get("peer")), rooms, frames, Long.parseLong(result.get(2).toString()),
                "1".equals(result.get(3).toString())));
    }
}

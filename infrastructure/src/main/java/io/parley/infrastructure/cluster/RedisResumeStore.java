package io.parley.infrastructure.cluster;

import io.parley.core.port.out.ResumeStore;
import io.parley.core.session.ClientSession;
import io.parley.core.session.ResumeToken;
import io.parley.core.signal.RecentFrames;
import io.parley.core.signal.ResumeCheck;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.ResumeTicket;
import io.parley.core.signal.RoomName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resume records in Redis: a hash per away session (tenant, peer, rooms, SHA-256 of its token, last
 * sequence number) and the list of frames last written to its socket, expiring with the resume
 * window. Frames sent while it is away are kept beside them by the relay script, bounded. Claims are
 * checked inside Redis, so a wrong one reads and spends nothing.
 */
@ApplicationScoped
public class RedisResumeStore implements ResumeStore {

    /**
     * KEYS: record, sent list. ARGV: tenant, peer, token hash, prior token hash ('' for none), rooms, last
     * seq, last delivered, window ms, frames...
     */
    private static final String AWAY = """
            redis.call('DEL', KEYS[1], KEYS[2])
            redis.call('HSET', KEYS[1], 'tenant', ARGV[1], 'peer', ARGV[2], 'token', ARGV[3], 'prior', ARGV[4],
              'rooms', ARGV[5], 'seq', ARGV[6], 'delivered', ARGV[7])
            redis.call('PEXPIRE', KEYS[1], ARGV[8])
            for i = 9, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
            if #ARGV >= 9 then redis.call('PEXPIRE', KEYS[2], ARGV[8]) end
            return 1
            """;
    /** A claim matches a record of its tenant and peer with its token, or the prior one (welcome never sent). */
    private static final String MATCHES = """
            local function matches(r, tenant, peer, token)
              return r[1] == tenant and r[2] == peer and (r[3] == token or (r[4] ~= '' and r[4] == token))
            end
            """;
    /** KEYS: record. ARGV: tenant, peer, token hash. Returns 1 when it matches, 0 when not, -1 without a record. */
    private static final String CHECK = MATCHES + """
            local r = redis.call('HMGET', KEYS[1], 'tenant', 'peer', 'token', 'prior')
            if not r[1] then return -1 end
            if matches(r, ARGV[1], ARGV[2], ARGV[3]) then return 1 end
            return 0
            """;
    /** KEYS: record, reservation. ARGV: tenant, peer, token hash, ttl ms. Reserves a matching record once. */
    private static final String RESERVE = MATCHES + """
            local r = redis.call('HMGET', KEYS[1], 'tenant', 'peer', 'token', 'prior')
            if not matches(r, ARGV[1], ARGV[2], ARGV[3]) then return 0 end
            if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[4]) then return 1 end
            return 0
            """;
    /** KEYS: record, sent list, missed list, missed meta, reservation. ARGV: tenant, peer, token hash. */
    private static final String TAKE = MATCHES + """
            local r = redis.call('HMGET', KEYS[1], 'tenant', 'peer', 'token', 'prior', 'rooms', 'seq', 'delivered')
            if not matches(r, ARGV[1], ARGV[2], ARGV[3]) then return 0 end
            local sent = redis.call('LRANGE', KEYS[2], 0, -1)
            local missed = redis.call('LRANGE', KEYS[3], 0, -1)
            local count = redis.call('HGET', KEYS[4], 'count') or '0'
            local lost = redis.call('HGET', KEYS[4], 'lost') or '0'
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
            return {r[5] or '', r[6] or '0', sent, missed, count, lost, r[7] or '0'}
            """;

    private final RedisDataSource redis;

    public RedisResumeStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public void away(ClientSession session, Duration window, RecentFrames sent) {
        List<String> args = new ArrayList<>(List.of("EVAL", AWAY, "2", ClusterKeys.resume(session.id()),
                ClusterKeys.sent(session.id()), session.tenantId().toString(), session.peerId().value(),
                ResumeToken.hashOf(session.resumeToken()), session.priorTokenHash().orElse(""),
                String.join(",", session.rooms().stream().map(RoomName::value).toList()),
                Long.toString(sent.lastSeq()), Long.toString(sent.lastDelivered()), Long.toString(window.toMillis())));
        args.addAll(sent.frames());
        redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
    }

    @Override
    public ResumeCheck check(ResumeClaim claim) {
        long found = redis.execute("EVAL", CHECK, "1", ClusterKeys.resume(claim.sessionId()),
                claim.tenantId().toString(), claim.peerId().value(), claim.tokenHash()).toLong();
        return found == 1 ? ResumeCheck.MATCHES : found == 0 ? ResumeCheck.DENIED : ResumeCheck.NONE;
    }

    @Override
    public boolean reserve(ResumeClaim claim, Duration ttl) {
        return redis.execute("EVAL", RESERVE, "2", ClusterKeys.resume(claim.sessionId()),
                ClusterKeys.resuming(claim.sessionId()), claim.tenantId().toString(), claim.peerId().value(),
                claim.tokenHash(), Long.toString(ttl.toMillis())).toLong() == 1;
    }

    @Override
    public void release(ResumeClaim claim) {
        redis.execute("DEL", ClusterKeys.resuming(claim.sessionId()));
    }

    @Override
    public Optional<ResumeTicket> take(ResumeClaim claim) {
        Response result = redis.execute("EVAL", TAKE, "5", ClusterKeys.resume(claim.sessionId()),
                ClusterKeys.sent(claim.sessionId()), ClusterKeys.missed(claim.sessionId()),
                ClusterKeys.missedMeta(claim.sessionId()), ClusterKeys.resuming(claim.sessionId()),
                claim.tenantId().toString(), claim.peerId().value(), claim.tokenHash());
        if (result == null || result.type() != ResponseType.MULTI) {
            return Optional.empty();
        }
        String rooms = result.get(0).toString();
        return Optional.of(new ResumeTicket(claim.sessionId(), claim.tenantId(), claim.peerId(),
                rooms.isEmpty() ? List.of() : Arrays.stream(rooms.split(",")).map(RoomName::new).toList(),
                new RecentFrames(Long.parseLong(result.get(1).toString()), strings(result.get(2)),
                        Long.parseLong(result.get(6).toString())),
                strings(result.get(3)), Long.parseLong(result.get(4).toString()), "1".equals(result.get(5).toString())));
    }

    private static List<String> strings(Response list) {
        List<String> values = new ArrayList<>(list.size());
        list.forEach(item -> values.add(item.toString()));
        return values;
    }
}

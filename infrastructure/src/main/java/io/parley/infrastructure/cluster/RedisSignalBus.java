package io.parley.infrastructure.cluster;

import io.parley.core.port.out.SignalBus;
import io.parley.core.signal.Delivery;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.SessionLocation;
import io.parley.infrastructure.config.ParleyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Redis pub/sub between nodes: each node subscribes to its own channel. Frames to a peer go through
 * one Lua script that looks the peer up and publishes to its node (or keeps the frame when the peer
 * is away) in a single round trip. Publishing uses one dedicated connection ({@link BusConnections}),
 * so frames from this node keep their order. Handover requests are answered over the bus, and a node
 * can fence its own channel to know that everything published to it so far has arrived.
 */
@Singleton
public class RedisSignalBus implements SignalBus {

    private static final Logger LOG = Logger.getLogger(RedisSignalBus.class);
    private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * KEYS[1] directory entry; ARGV: frame json, max kept frames, max kept bytes, a "node|session" never
     * to send to ('' for none). Returns 1 when published to a listening node, 2 when kept for an away
     * peer, 0 for no peer (or a dead node).
     */
    private static final String RELAY = """
            local entry = redis.call('GET', KEYS[1])
            if not entry then return 0 end
            local state, node, session = string.match(entry, '^(%a+)|([^|]+)|(.+)$')
            if state == 'on' and node .. '|' .. session == ARGV[4] then return 0 end
            if state == 'on' then
              if redis.call('PUBLISH', 'parley:node:' .. node, session .. '\\nR\\n' .. ARGV[1]) > 0 then return 1 end
              return 0
            end
            local meta = 'parley:missed-meta:' .. session
            local list = 'parley:missed:' .. session
            local count = redis.call('HINCRBY', meta, 'count', 1)
            local bytes = redis.call('HINCRBY', meta, 'bytes', string.len(ARGV[1]))
            if count > tonumber(ARGV[2]) or bytes > tonumber(ARGV[3]) then
              redis.call('HSET', meta, 'lost', '1')
              redis.call('DEL', list)
            else
              redis.call('RPUSH', list, ARGV[1])
            end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then redis.call('PEXPIRE', meta, ttl); redis.call('PEXPIRE', list, ttl) end
            return 2
            """;

    private final Vertx vertx;
    private final String nodeId;
    private final ParleyConfig.Resume resume;
    private final BusConnections connections;
    private final PendingReplies<Boolean> verdicts;
    private final PendingReplies<Boolean> fences;
    private volatile BiConsumer<SessionLocation, Outbound> inbound = (location, frame) -> { };
    private volatile Function<ResumeClaim, CompletionStage<Boolean>> handovers =
            claim -> CompletableFuture.completedFuture(false);

    public RedisSignalBus(Redis redis, Vertx vertx, ClusterIdentity identity, ParleyConfig config) {
        this.vertx = vertx;
        this.nodeId = identity.nodeId();
        this.resume = config.session().resume();
        this.connections = new BusConnections(redis, vertx, nodeId, this::onPush);
        this.verdicts = new PendingReplies<>(vertx);
        this.fences = new PendingReplies<>(vertx);
    }

    void start(@Observes StartupEvent event) {
        connections.start();
    }

    void stop(@Observes ShutdownEvent event) {
        connections.stop();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean connected() {
        return connections.connected();
    }

    @Override
    public CompletionStage<Delivery> sendToPeer(PeerAddress target, Outbound frame) {
        return relay(target, frame, "");
    }

    @Override
    public void forward(PeerAddress target, SessionLocation left, Outbound frame) {
        relay(target, frame, left.nodeId() + "|" + left.sessionId());
    }

    private CompletionStage<Delivery> relay(PeerAddress target, Outbound frame, String notTo) {
        RedisConnection connection = connections.publisher();
        if (connection == null || !(frame instanceof Outbound.Relayed relayed)) {
            return CompletableFuture.completedFuture(Delivery.UNAVAILABLE);
        }
        Request request = Request.cmd(Command.EVAL).arg(RELAY).arg(1).arg(ClusterKeys.peer(target))
                .arg(relayed.json()).arg(resume.maxFrames()).arg(resume.maxBytes()).arg(notTo);
        return connection.send(request)
                .map(RedisSignalBus::delivery)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("relay to %s failed: %s", target.peerId(), failure.getMessage());
                    return Delivery.UNAVAILABLE;
                })
                .subscribeAsCompletionStage();
    }

    @Override
    public void sendToSession(SessionLocation target, Outbound frame) {
        if (!publish(target.nodeId(), new BusMessage.ToSession(target.sessionId(), frame))) {
            LOG.debugf("bus down; dropped a %s for session %s", frame.getClass().getSimpleName(), target.sessionId());
        }
    }

    @Override
    public CompletionStage<Boolean> requestHandover(SessionLocation holder, ResumeClaim claim, Duration timeout) {
        PendingReplies.Waiting<Boolean> verdict = verdicts.open(timeout);
        if (!publish(holder.nodeId(), new BusMessage.Handover(claim, nodeId, verdict.id()))) {
            verdicts.fail(verdict.id(), new IllegalStateException("bus down"));
        }
        return verdict.answer();
    }

    @Override
    public void onHandoverRequest(Function<ResumeClaim, CompletionStage<Boolean>> handler) {
        this.handovers = handler;
    }

    @Override
    public CompletionStage<Void> flushInbound() {
        PendingReplies.Waiting<Boolean> fence = fences.open(FENCE_TIMEOUT);
        if (!publish(nodeId, new BusMessage.Fence(fence.id()))) {
            fences.fail(fence.id(), new IllegalStateException("bus down"));
        }
        return fence.answer().thenApply(ignored -> null);
    }

    @Override
    public void onInbound(BiConsumer<SessionLocation, Outbound> handler) {
        this.inbound = handler;
    }

    /** Publishes on the one publishing connection; false while it is down. */
    private boolean publish(String toNode, BusMessage message) {
        RedisConnection connection = connections.publisher();
        if (connection == null) {
            return false;
        }
        connection.send(Request.cmd(Command.PUBLISH).arg(ClusterKeys.inbox(toNode)).arg(message.encode()))
                .subscribe().with(ok -> { }, failure -> LOG.debugf("publish failed: %s", failure.getMessage()));
        return true;
    }

    private static Delivery delivery(Response result) {
        long code = result == null ? 0 : result.toLong();
        return code == 1 ? Delivery.DELIVERED : code == 2 ? Delivery.KEPT_FOR_RESUME : Delivery.UNAVAILABLE;
    }

    private void onPush(Response push) {
        if (push == null || push.size() < 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        BusMessage.decode(push.get(2).toString()).ifPresent(message -> {
            if (message instanceof BusMessage.ToSession toSession) {
                inbound.accept(new SessionLocation(nodeId, toSession.session()), toSession.frame());
            } else if (message instanceof BusMessage.Handover handover) {
                handovers.apply(handover.claim()).whenComplete((handedOver, failure) -> publish(handover.askedBy(),
                        new BusMessage.HandoverVerdict(handover.requestId(), failure == null && handedOver)));
            } else if (message instanceof BusMessage.HandoverVerdict verdict) {
                verdicts.answer(verdict.requestId(), verdict.handedOver());
            } else if (message instanceof BusMessage.Fence fence) {
                fences.answer(fence.id(), true);
            }
        });
    }
}

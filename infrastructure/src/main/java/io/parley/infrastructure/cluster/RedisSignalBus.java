package io.parley.infrastructure.cluster;

import io.parley.core.port.out.SignalBus;
import io.parley.core.session.SessionId;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Redis pub/sub between nodes: each node subscribes to its own channel. Frames to a peer go through
 * one Lua script that looks the peer up and publishes to its node (or keeps the frame when the peer
 * is away) in a single round trip. Publishing uses one dedicated connection, so frames from this
 * node keep their order; both connections reconnect by themselves when Redis comes back.
 */
@Singleton
public class RedisSignalBus implements SignalBus {

    private static final Logger LOG = Logger.getLogger(RedisSignalBus.class);
    private static final long RECONNECT_DELAY_MS = 1000;
    /**
     * KEYS[1] directory entry; ARGV: frame json, max kept frames, max kept bytes, a session never to
     * send to ('' for none). Returns 1 when published to a listening node, 2 when kept for an away
     * peer, 0 for no peer (or a dead node).
     */
    private static final String RELAY = """
            local entry = redis.call('GET', KEYS[1])
            if not entry then return 0 end
            local state, node, session = string.match(entry, '^(%a+)|([^|]+)|(.+)$')
            if state == 'on' and session == ARGV[4] then return 0 end
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

    private final Redis redis;
    private final Vertx vertx;
    private final String nodeId;
    private final ParleyConfig.Resume resume;
    private volatile RedisConnection publisher;
    private volatile RedisConnection subscriber;
    private volatile boolean stopped;
    private volatile BiConsumer<SessionLocation, Outbound> inbound = (location, frame) -> { };
    private volatile Consumer<ResumeClaim> handovers = claim -> { };

    public RedisSignalBus(Redis redis, Vertx vertx, ClusterIdentity identity, ParleyConfig config) {
        this.redis = redis;
        this.vertx = vertx;
        this.nodeId = identity.nodeId();
        this.resume = config.session().resume();
    }

    void start(@Observes StartupEvent event) {
        connectPublisher();
        connectSubscriber();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        closeQuietly(publisher);
        closeQuietly(subscriber);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean connected() {
        return publisher != null && subscriber != null;
    }

    @Override
    public CompletionStage<Delivery> sendToPeer(PeerAddress target, Outbound frame) {
        return relay(target, frame, "");
    }

    @Override
    public void forward(PeerAddress target, SessionId leftSession, Outbound frame) {
        relay(target, frame, leftSession.toString());
    }

    private CompletionStage<Delivery> relay(PeerAddress target, Outbound frame, String notTo) {
        RedisConnection connection = publisher;
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
        RedisConnection connection = publisher;
        if (connection == null) {
            LOG.debugf("bus down; dropped a %s for session %s", frame.getClass().getSimpleName(), target.sessionId());
            return;
        }
        publish(connection, target.nodeId(), new BusMessage.ToSession(target.sessionId(), frame));
    }

    @Override
    public void requestHandover(SessionLocation holder, ResumeClaim claim) {
        RedisConnection connection = publisher;
        if (connection == null) {
            LOG.debugf("bus down; cannot ask node %s for a handover", holder.nodeId());
            return;
        }
        publish(connection, holder.nodeId(), new BusMessage.Handover(claim));
    }

    @Override
    public void onHandoverRequest(Consumer<ResumeClaim> handler) {
        this.handovers = handler;
    }

    private static void publish(RedisConnection connection, String nodeId, BusMessage message) {
        connection.send(Request.cmd(Command.PUBLISH).arg(ClusterKeys.inbox(nodeId)).arg(message.encode()))
                .subscribe().with(ok -> { }, failure -> LOG.debugf("publish failed: %s", failure.getMessage()));
    }

    @Override
    public void onInbound(BiConsumer<SessionLocation, Outbound> handler) {
        this.inbound = handler;
    }

    private static Delivery delivery(Response result) {
        long code = result == null ? 0 : result.toLong();
        return code == 1 ? Delivery.DELIVERED : code == 2 ? Delivery.KEPT_FOR_RESUME : Delivery.UNAVAILABLE;
    }

    private void connectPublisher() {
        redis.connect().subscribe().with(connection -> {
            AtomicBoolean lost = new AtomicBoolean();
            connection.exceptionHandler(failure -> lost(connection, lost, failure, true));
            connection.endHandler(() -> lost(connection, lost, null, true));
            publisher = connection;
        }, failure -> retry(this::connectPublisher, "publisher", failure));
    }

    private void connectSubscriber() {
        redis.connect().subscribe().with(connection -> {
            AtomicBoolean lost = new AtomicBoolean();
            connection.handler(this::onPush);
            connection.exceptionHandler(failure -> lost(connection, lost, failure, false));
            connection.endHandler(() -> lost(connection, lost, null, false));
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(ClusterKeys.inbox(nodeId))).subscribe().with(
                    ok -> {
                        subscriber = connection;
                        LOG.infof("node %s: subscribed to its bus channel", nodeId);
                    },
                    failure -> lost(connection, lost, failure, false));
        }, failure -> retry(this::connectSubscriber, "subscriber", failure));
    }

    /** Replaces a broken connection once, however many ways it reports its end. */
    private void lost(RedisConnection connection, AtomicBoolean lost, Throwable failure, boolean isPublisher) {
        if (!lost.compareAndSet(false, true)) {
            return;
        }
        if (isPublisher) {
            publisher = publisher == connection ? null : publisher;
        } else {
            subscriber = subscriber == connection ? null : subscriber;
        }
        closeQuietly(connection);
        retry(isPublisher ? this::connectPublisher : this::connectSubscriber, isPublisher ? "publisher" : "subscriber",
                failure);
    }

    private void onPush(Response push) {
        if (push == null || push.size() < 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        BusMessage.decode(push.get(2).toString()).ifPresent(message -> {
            if (message instanceof BusMessage.ToSession toSession) {
                inbound.accept(new SessionLocation(nodeId, toSession.session()), toSession.frame());
            } else if (message instanceof BusMessage.Handover handover) {
                handovers.accept(handover.claim());
            }
        });
    }

    private void retry(Runnable connect, String what, Throwable failure) {
        if (stopped) {
            return;
        }
        LOG.warnf("node %s: bus %s unavailable (%s); retrying", nodeId, what,
                failure == null ? "connection closed" : failure.getMessage());
        vertx.setTimer(RECONNECT_DELAY_MS, id -> connect.run());
    }

    private static void closeQuietly(RedisConnection connection) {
        if (connection != null) {
            connection.close().subscribe().with(ok -> { }, failure -> { });
        }
    }
}

package io.parley.infrastructure.cluster;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The bus's two Redis connections: one that publishes (one connection, so this node's frames keep their
 * order) and one subscribed to this node's channel. Both are replaced by themselves when they break.
 */
final class BusConnections {

    private static final Logger LOG = Logger.getLogger(BusConnections.class);
    private static final long RECONNECT_DELAY_MS = 1000;

    private final Redis redis;
    private final Vertx vertx;
    private final String nodeId;
    private final Consumer<Response> onPush;
    private volatile RedisConnection publisher;
    private volatile RedisConnection subscriber;
    private volatile boolean stopped;

    BusConnections(Redis redis, Vertx vertx, String nodeId, Consumer<Response> onPush) {
        this.redis = redis;
        this.vertx = vertx;
        this.nodeId = nodeId;
        this.onPush = onPush;
    }

    void start() {
        connectPublisher();
        connectSubscriber();
    }

    void stop() {
        stopped = true;
        closeQuietly(publisher);
        closeQuietly(subscriber);
    }

    /** The publishing connection, or null while it is down. */
    RedisConnection publisher() {
        return publisher;
    }

    boolean connected() {
        return publisher != null && subscriber != null;
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
            connection.handler(onPush::accept);
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

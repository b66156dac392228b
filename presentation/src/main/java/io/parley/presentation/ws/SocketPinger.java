package io.parley.presentation.ws;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pings every socket each {@code parley.session.ping-interval} (a slice of them every half second),
 * keeping NATs open and telling live clients from dead ones. Each ping carries the number of the last frame written to the socket; the
 * client's pong, which comes after everything sent before the ping, acknowledges them all.
 */
@ApplicationScoped
class SocketPinger {

    private final OpenConnections connections;
    private final Vertx vertx;
    private final Duration interval;
    private static final Duration TICK = Duration.ofMillis(500);

    private long timer = -1;
    private long ticks;

    SocketPinger(OpenConnections connections, Vertx vertx,
            @ConfigProperty(name = "parley.session.ping-interval", defaultValue = "20s") Duration interval) {
        this.connections = connections;
        this.vertx = vertx;
        this.interval = interval;
    }

    /** Pings a slice of the sockets each tick, so that all are pinged once per interval, never all at once. */
    void start(@Observes StartupEvent event) {
        long tick = Math.max(50, Math.min(TICK.toMillis(), interval.toMillis()));
        long slices = Math.max(1, interval.toMillis() / tick);
        timer = vertx.setPeriodic(tick, id -> pingSlice(ticks++ % slices, slices));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void pingSlice(long slice, long slices) {
        for (WebSocketConnection connection : connections) {
            if (Math.floorMod(connection.id().hashCode(), slices) == slice) {
                SignalConnections.of(connection).ifPresent(opened -> opened.channel().ping());
            }
        }
    }
}

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
 * Pings every socket each {@code parley.session.ping-interval}, keeping NATs open and telling live
 * clients from dead ones. Each ping carries the number of the last frame written to the socket; the
 * client's pong, which comes after everything sent before the ping, acknowledges them all.
 */
@ApplicationScoped
class SocketPinger {

    private final OpenConnections connections;
    private final Vertx vertx;
    private final Duration interval;
    private long timer = -1;

    SocketPinger(OpenConnections connections, Vertx vertx,
            @ConfigProperty(name = "parley.session.ping-interval", defaultValue = "20s") Duration interval) {
        this.connections = connections;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(100, interval.toMillis()), id -> pingAll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void pingAll() {
        for (WebSocketConnection connection : connections) {
            SignalConnections.of(connection).ifPresent(opened -> opened.channel().ping());
        }
    }
}

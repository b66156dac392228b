package io.parley.presentation.ws;

import io.parley.core.port.in.DrainNodeUseCase;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Graceful drain: on shutdown the node stops accepting sockets, ends voice sessions ("voice.stopped",
 * reason "draining"), asks every client to reconnect (frame "reconnect", close 1012) and waits for them to go, up to {@code parley.shutdown.drain-timeout}.
 */
@ApplicationScoped
public class NodeLifecycle {

    private static final Logger LOG = Logger.getLogger(NodeLifecycle.class);

    private final DrainNodeUseCase drain;
    private final ActiveVoices voices;
    private final Duration drainTimeout;
    private volatile boolean draining;

    NodeLifecycle(DrainNodeUseCase drain, ActiveVoices voices,
            @ConfigProperty(name = "parley.shutdown.drain-timeout", defaultValue = "20s") Duration drainTimeout) {
        this.drain = drain;
        this.voices = voices;
        this.drainTimeout = drainTimeout;
    }

    public boolean isDraining() {
        return draining;
    }

    /** Runs when shutdown starts, while the HTTP server still holds the sockets (quarkus.shutdown.delay-enabled). */
    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        voices.stopAll("draining");
        int moved = drain.drain();
        if (moved > 0) {
            boolean done = drain.awaitDrained(drainTimeout);
            LOG.infof("drained %d sessions%s", moved, done ? "" : " (timed out with some still open)");
        }
    }
}

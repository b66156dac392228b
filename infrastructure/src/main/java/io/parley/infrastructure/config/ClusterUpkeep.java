package io.parley.infrastructure.config;

import io.parley.application.signal.MaintainClusterService;
import io.parley.core.port.in.MaintainClusterUseCase;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.SignalLimits;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Starts the node's cluster life: frames from other nodes go to the local sockets they address, and
 * cluster upkeep runs on a worker every third of the node TTL (never two rounds at once).
 */
@ApplicationScoped
public class ClusterUpkeep {

    private static final Logger LOG = Logger.getLogger(ClusterUpkeep.class);

    private final MaintainClusterUseCase maintain;
    private final SignalBus bus;
    private final SessionRegistry sessions;
    private final SignalLimits limits;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public ClusterUpkeep(MaintainClusterUseCase maintain, SignalBus bus, SessionRegistry sessions,
            SignalLimits limits, Vertx vertx) {
        this.maintain = maintain;
        this.bus = bus;
        this.sessions = sessions;
        this.limits = limits;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        bus.onInbound((location, frame) -> sessions.channel(location.sessionId())
                .ifPresent(channel -> channel.deliver(frame)));
        long period = Math.max(100, MaintainClusterService.period(limits).toMillis());
        timer = vertx.setPeriodic(period, id -> runOnce());
        runOnce();
        LOG.infof("node %s joined the cluster (upkeep every %d ms)", bus.nodeId(), period);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        vertx.executeBlocking(Uni.createFrom().item(() -> {
            maintain.maintain();
            return true;
        })).subscribe().with(done -> running.set(false), failure -> {
            running.set(false);
            LOG.warnf("cluster upkeep failed: %s", failure.getMessage());
        });
    }
}

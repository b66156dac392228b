package io.parley.infrastructure.config;

import io.parley.application.signal.InboundDelivery;
import io.parley.application.signal.MaintainClusterService;
import io.parley.core.port.in.HandOverSessionUseCase;
import io.parley.core.port.in.MaintainClusterUseCase;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.SignalLimits;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the node's cluster life: clears what an earlier run under the same node id left behind,
 * routes frames and handover requests from other nodes, and runs cluster upkeep every third of the
 * node TTL on a thread of its own (never two rounds at once, never queued behind other work).
 */
@ApplicationScoped
public class ClusterUpkeep {

    private static final Logger LOG = Logger.getLogger(ClusterUpkeep.class);
    private static final Duration JOIN_RETRY = Duration.ofMillis(500);

    private final MaintainClusterUseCase maintain;
    private final SignalBus bus;
    private final InboundDelivery inbound;
    private final HandOverSessionUseCase handOver;
    private final SignalLimits limits;
    private final Vertx vertx;
    private final ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-cluster-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    public ClusterUpkeep(MaintainClusterUseCase maintain, SignalBus bus, InboundDelivery inbound,
            HandOverSessionUseCase handOver, SignalLimits limits, Vertx vertx) {
        this.maintain = maintain;
        this.bus = bus;
        this.inbound = inbound;
        this.handOver = handOver;
        this.limits = limits;
        this.vertx = vertx;
    }

    /** Runs after the bus has started connecting (its observer has the default priority). */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        bus.onInbound((location, frame) -> inbound.deliver(location.sessionId(), frame));
        bus.onHandoverRequest(claim -> vertx.executeBlocking(() -> handOver.handOver(claim), false)
                .toCompletionStage());
        awaitBus(Duration.ofSeconds(10));
        join();
        if (!maintain.hasJoined()) {
            upkeep.schedule(this::retryJoin, JOIN_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
        long period = Math.max(100, MaintainClusterService.period(limits).toMillis());
        upkeep.scheduleWithFixedDelay(this::runOnce, period, period, TimeUnit.MILLISECONDS);
        LOG.infof("node %s: cluster upkeep every %d ms", bus.nodeId(), period);
    }

    void stop(@Observes ShutdownEvent event) {
        upkeep.shutdownNow();
    }

    /** What the node tells others when it joins (rooms its previous run left) must go over a connected bus. */
    private void awaitBus(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!bus.connected() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void join() {
        if (maintain.hasJoined()) {
            return;
        }
        if (!bus.connected()) {
            LOG.warnf("node %s cannot join the cluster yet: its bus is not connected; refusing sessions until it is",
                    bus.nodeId());
            return;
        }
        try {
            maintain.start();
            LOG.infof("node %s joined the cluster", bus.nodeId());
        } catch (RuntimeException e) {
            LOG.warnf("node %s cannot join the cluster yet (%s); refusing sessions until it can", bus.nodeId(),
                    e.getMessage());
        }
    }

    private void retryJoin() {
        join();
        if (!maintain.hasJoined()) {
            upkeep.schedule(this::retryJoin, JOIN_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runOnce() {
        try {
            if (maintain.hasJoined()) {
                maintain.maintain();
            }
        } catch (RuntimeException e) {
            LOG.warnf("cluster upkeep failed: %s", e.getMessage());
        }
    }
}

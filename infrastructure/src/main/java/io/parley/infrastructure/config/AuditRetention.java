package io.parley.infrastructure.config;

import io.parley.core.port.in.PruneAuditTrailUseCase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Prunes the session audit trail on a worker every hour (every node does; deleting twice is harmless). */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final Duration PERIOD = Duration.ofHours(1);

    private final PruneAuditTrailUseCase prune;
    private final Vertx vertx;
    private long timer = -1;

    public AuditRetention(PruneAuditTrailUseCase prune, Vertx vertx) {
        this.prune = prune;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(PERIOD.toMillis(), id -> runOnce());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void runOnce() {
        vertx.executeBlocking(Uni.createFrom().item(prune::prune)).subscribe().with(
                deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d session events past their retention", deleted);
                    }
                },
                failure -> LOG.warnf("audit retention failed: %s", failure.getMessage()));
    }
}

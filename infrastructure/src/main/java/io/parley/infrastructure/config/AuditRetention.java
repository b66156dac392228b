package io.parley.infrastructure.config;

import io.parley.core.port.in.PruneAuditTrailUseCase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Prunes the session audit trail every hour on a thread of its own, so a long prune never queues
 * ahead of connection or cluster work (every node does; deleting twice is harmless).
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    private final PruneAuditTrailUseCase prune;
    private final Duration period;
    private ScheduledExecutorService executor;

    @Inject
    public AuditRetention(PruneAuditTrailUseCase prune) {
        this(prune, Duration.ofHours(1));
    }

    AuditRetention(PruneAuditTrailUseCase prune, Duration period) {
        this.prune = prune;
        this.period = period;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parley-audit-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runOnce() {
        try {
            long deleted = prune.prune();
            if (deleted > 0) {
                LOG.infof("deleted %d session events past their retention", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("audit retention failed: %s", e.getMessage());
        }
    }
}

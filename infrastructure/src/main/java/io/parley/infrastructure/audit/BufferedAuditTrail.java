package io.parley.infrastructure.audit;

import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.SessionEvent;
import io.parley.infrastructure.config.ParleyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;

/**
 * The audit trail callers see: {@link #record} only puts the event in a bounded in-memory buffer,
 * and a writer thread of its own stores the buffer in Postgres in batches.
 */
@ApplicationScoped
public class BufferedAuditTrail implements AuditTrail {

    private static final int BATCH_SIZE = 500;
    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final AuditBuffer buffer;
    private final AuditWriter writer;

    public BufferedAuditTrail(SessionEventRepository repository, ParleyConfig config, Clock clock) {
        ParleyConfig.Audit audit = config.audit();
        this.buffer = new AuditBuffer(audit.bufferSize(), BATCH_SIZE,
                new RefusalCounts(audit.aggregateWindow(), audit.aggregateKeys()));
        this.writer = new AuditWriter(buffer, repository, clock, FLUSH_INTERVAL, FIRST_RETRY, STOP_TIMEOUT);
    }

    @Override
    public void record(SessionEvent event) {
        buffer.offer(event);
    }

    void start(@Observes StartupEvent event) {
        writer.start();
    }

    /**
     * Stores what is buffered. Runs after the application's other shutdown observers, which may still
     * record events; the datasource is only closed afterwards, when the container destroys its beans.
     */
    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) {
        writer.stop();
    }
}

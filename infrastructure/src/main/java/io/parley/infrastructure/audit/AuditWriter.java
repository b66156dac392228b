package io.parley.infrastructure.audit;

import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The thread that stores buffered session events: a batch whenever one is full or the flush interval
 * passes. A batch that fails stays at the head of the buffer and is retried after growing pauses.
 * On stop it stores everything still held, retrying for up to {@code stopTimeout}.
 */
final class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final AuditBuffer buffer;
    private final SessionEventRepository repository;
    private final Clock clock;
    private final Duration flushInterval;
    private final Duration firstRetry;
    private final Duration stopTimeout;
    private final DropWarning drops = new DropWarning(Duration.ofSeconds(10));
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread = new Thread(this::run, "parley-audit-writer");
    private Duration retry = Duration.ZERO;

    AuditWriter(AuditBuffer buffer, SessionEventRepository repository, Clock clock, Duration flushInterval,
            Duration firstRetry, Duration stopTimeout) {
        this.buffer = buffer;
        this.repository = repository;
        this.clock = clock;
        this.flushInterval = flushInterval;
        this.firstRetry = firstRetry;
        this.stopTimeout = stopTimeout;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Returns once everything held is stored, or the stop timeout has passed. */
    void stop() {
        stopping.countDown();
        buffer.stopWaiting();
        try {
            thread.join(stopTimeout.plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (buffer.size() > 0) {
            LOG.warnf("%d session events could not be stored before shutdown", buffer.size());
        }
    }

    private void run() {
        try {
            while (stopping.getCount() > 0) {
                buffer.awaitBatch(flushInterval);
                if (!storeReady()) {
                    stopping.await(nextRetry().toMillis(), TimeUnit.MILLISECONDS);
                }
                drops.after(buffer.takeDropped(), clock.instant()).ifPresent(LOG::warn);
            }
            buffer.closeAllCounts();
            long deadline = System.nanoTime() + stopTimeout.toNanos();
            while (!storeReady() && System.nanoTime() < deadline) {
                Thread.sleep(nextRetry().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores what is ready, batch by batch; false when a batch failed (it stays in the buffer). */
    private boolean storeReady() {
        for (List<SessionEvent> batch = buffer.nextBatch(clock.instant()); !batch.isEmpty();
                batch = buffer.nextBatch(clock.instant())) {
            try {
                repository.recordAll(batch);
            } catch (RuntimeException e) {
                LOG.warnf("storing %d session events failed, retrying: %s", batch.size(), e.getMessage());
                return false;
            }
            buffer.remove(batch.size());
        }
        retry = Duration.ZERO;
        return true;
    }

    private Duration nextRetry() {
        Duration doubled = retry.multipliedBy(2);
        retry = retry.isZero() ? firstRetry : doubled.compareTo(LONGEST_RETRY) < 0 ? doubled : LONGEST_RETRY;
        return retry;
    }
}

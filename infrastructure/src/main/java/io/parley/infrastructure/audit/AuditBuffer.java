package io.parley.infrastructure.audit;

import io.parley.core.session.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Session events waiting to be stored, never more than {@code capacity} (an open refusal count holds
 * one place): past the bound new events are dropped and counted. Thread-safe; a single writer reads
 * batches from the head and removes them only once they are stored.
 */
final class AuditBuffer {

    private final int capacity;
    private final int batchSize;
    private final RefusalCounts refusals;
    private final ArrayDeque<SessionEvent> ready = new ArrayDeque<>();
    private long dropped;
    private boolean writerStopping;

    AuditBuffer(int capacity, int batchSize, RefusalCounts refusals) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("buffer and batch sizes must be positive");
        }
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.refusals = refusals;
    }

    /** Keeps the event unless the buffer is full; never waits. */
    synchronized boolean offer(SessionEvent event) {
        boolean refusal = event.type().isRefusal();
        if (refusal && refusals.countIn(event)) {
            return true;
        }
        if (size() >= capacity) {
            dropped++;
            return false;
        }
        if (refusal) {
            refusals.open(event, ready::add);
            return true;
        }
        ready.add(event);
        if (ready.size() >= batchSize) {
            notifyAll();
        }
        return true;
    }

    /** Waits until a full batch is ready, the timeout passes or the writer is stopping. */
    synchronized void awaitBatch(Duration timeout) throws InterruptedException {
        if (ready.size() < batchSize && !writerStopping) {
            TimeUnit.NANOSECONDS.timedWait(this, timeout.toNanos());
        }
    }

    /** Ends the writer's wait, and every later one. */
    synchronized void stopWaiting() {
        writerStopping = true;
        notifyAll();
    }

    /** Up to a batch of events to store, oldest first, once refusal counts whose window has passed are closed. */
    synchronized List<SessionEvent> nextBatch(Instant now) {
        refusals.closeDue(now, ready::add);
        return ready.stream().limit(batchSize).toList();
    }

    /** Forgets the first {@code count} events: they are stored. */
    synchronized void remove(int count) {
        for (int i = 0; i < count; i++) {
            ready.removeFirst();
        }
    }

    /** Closes every refusal count now, so that everything held can be stored (at shutdown). */
    synchronized void closeAllCounts() {
        refusals.closeAll(ready::add);
    }

    /** How many events (or open refusal counts) are held. */
    synchronized int size() {
        return ready.size() + refusals.size();
    }

    /** How many events were dropped since the last call. */
    synchronized long takeDropped() {
        long count = dropped;
        dropped = 0;
        return count;
    }
}

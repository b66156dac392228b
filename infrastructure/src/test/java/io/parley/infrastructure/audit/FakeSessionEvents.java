package io.parley.infrastructure.audit;

import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An in-memory session event store that can be made to fail, as Postgres does when it is down. */
final class FakeSessionEvents implements SessionEventRepository {

    private final List<SessionEvent> stored = new ArrayList<>();
    private boolean down;
    private int attempts;

    @Override
    public synchronized void recordAll(List<SessionEvent> events) {
        attempts++;
        notifyAll();
        if (down) {
            throw new IllegalStateException("connection refused");
        }
        stored.addAll(events);
        notifyAll();
    }

    @Override
    public List<SessionEvent> recent(TenantId tenantId, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        throw new UnsupportedOperationException();
    }

    synchronized void goDown() {
        down = true;
    }

    synchronized void comeBack() {
        down = false;
    }

    synchronized List<SessionEvent> stored() {
        return List.copyOf(stored);
    }

    /** Waits until at least {@code count} events are stored; fails the test after five seconds. */
    synchronized List<SessionEvent> awaitStored(int count) throws InterruptedException {
        awaitUntil(() -> stored.size() >= count, count + " events stored");
        return List.copyOf(stored);
    }

    /** Waits until at least {@code count} batches were attempted; fails the test after five seconds. */
    synchronized void awaitAttempts(int count) throws InterruptedException {
        awaitUntil(() -> attempts >= count, count + " attempts");
    }

    private void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within 5 s; stored " + stored.size() + ", attempts "
                        + attempts);
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}

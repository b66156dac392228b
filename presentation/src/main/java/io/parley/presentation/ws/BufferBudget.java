package io.parley.presentation.ws;

import io.parley.core.session.ConnectionLimits;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What all sockets of this node may buffer together (frames waiting to be written or handled), so
 * that no number of misbehaving clients can take the heap: past it, the socket that wants more is
 * refused ("busy") or closed as a slow consumer.
 */
@Singleton
class BufferBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BufferBudget(ConnectionLimits limits) {
        this.limit = limits.nodeBufferBytes();
    }

    boolean tryCharge(long bytes) {
        if (used.addAndGet(bytes) > limit) {
            used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}

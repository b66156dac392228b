package io.parley.presentation.ws;

import io.netty.buffer.ByteBufUtil;
import io.parley.core.session.ConnectionLimits;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one socket's frames, not yet on the network, make the node hold: counted in frames and bytes
 * against the socket's limits and the node's budget. A charge that does not fit is refused.
 */
final class WriteLedger {

    /** What a frame costs beyond its bytes while it waits (buffers, promise, queue entry). */
    static final int FRAME_OVERHEAD = 96;

    private final ConnectionLimits limits;
    private final BufferBudget budget;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    WriteLedger(ConnectionLimits limits, BufferBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    /** What a text frame costs: its UTF-8 bytes and the overhead. */
    static long cost(String text) {
        return ByteBufUtil.utf8Bytes(text) + FRAME_OVERHEAD;
    }

    /** Counts a frame in; false (nothing counted) when the socket or the node cannot hold it. */
    boolean charge(long cost) {
        boolean fits = frames.incrementAndGet() <= limits.maxPendingFrames()
                & bytes.addAndGet(cost) <= limits.maxPendingBytes();
        if (fits && budget.tryCharge(cost)) {
            return true;
        }
        frames.decrementAndGet();
        bytes.addAndGet(-cost);
        return false;
    }

    /** A frame is on the network (or dropped). */
    void release(long cost) {
        frames.decrementAndGet();
        bytes.addAndGet(-cost);
        budget.release(cost);
    }
}

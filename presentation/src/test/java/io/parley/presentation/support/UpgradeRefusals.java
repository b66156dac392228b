package io.parley.presentation.support;

/**
 * When the fake Deepgram refuses WebSocket upgrades, as an outage would: every upgrade until told
 * otherwise, the next {@code n}, or all until a deadline; and how many it has refused.
 */
final class UpgradeRefusals {

    private static final int UNLIMITED = -1;

    private int status;
    private int remaining;
    private long untilNanos = Long.MAX_VALUE;
    private int refused;

    synchronized void refuse(int httpStatus, int count, long untilNanos) {
        this.status = httpStatus;
        this.remaining = count;
        this.untilNanos = untilNanos;
    }

    synchronized void refuseAll(int httpStatus) {
        refuse(httpStatus, UNLIMITED, Long.MAX_VALUE);
    }

    synchronized void accept() {
        status = 0;
    }

    /** The HTTP status to refuse this upgrade with, or 0 to let it through. */
    synchronized int next() {
        if (status == 0 || System.nanoTime() - untilNanos >= 0 || remaining == 0) {
            status = 0;
            return 0;
        }
        if (remaining > 0) {
            remaining--;
        }
        refused++;
        return status;
    }

    synchronized int refused() {
        return refused;
    }

    synchronized void reset() {
        status = 0;
        refused = 0;
    }
}

package io.parley.core.port.out;

import java.time.Duration;

/**
 * Runs a session's periodic work where its transport does its own (a connection's event loop), so the
 * audio a tick sends needs no hand-over between threads. Ticks never overlap and must not block.
 */
public interface Ticker {

    /** Calls {@code tick} every {@code period} until the returned ticking is stopped. */
    Ticking every(Duration period, Runnable tick);

    /** Periodic work that runs until stopped. */
    interface Ticking {

        /** No tick starts after this returns (one under way may finish); safe from any thread, and twice. */
        void stop();
    }
}

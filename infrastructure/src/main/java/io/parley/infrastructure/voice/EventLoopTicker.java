package io.parley.infrastructure.voice;

import io.parley.core.port.out.Ticker;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ticks on the Vert.x event loop of the caller's context (a voice session is opened on its
 * connection's context, so its ticks run on that connection's loop), or on one the node picks when the
 * caller has none.
 */
public final class EventLoopTicker implements Ticker {

    private final Vertx vertx;

    public EventLoopTicker(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Ticking every(Duration period, Runnable tick) {
        AtomicBoolean stopped = new AtomicBoolean();
        long timer = vertx.setPeriodic(Math.max(1, period.toMillis()), id -> {
            if (!stopped.get()) {
                tick.run();
            }
        });
        return () -> {
            stopped.set(true);
            vertx.cancelTimer(timer);
        };
    }
}

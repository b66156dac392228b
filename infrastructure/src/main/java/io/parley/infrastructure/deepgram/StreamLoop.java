package io.parley.infrastructure.deepgram;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one event loop a stream lives on: its socket, its timers and its listener's calls. Work from
 * other threads is queued there in call order; work from that loop runs at once when nothing is
 * queued, so audio sent from the stream's own loop costs no task.
 */
final class StreamLoop {

    private final Vertx vertx;
    private final Context context;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile Thread thread;

    private StreamLoop(Vertx vertx, Context context, Thread thread) {
        this.vertx = vertx;
        this.context = context;
        this.thread = thread;
    }

    /** The event loop of the caller's context when it has one of this Vert.x's, else one of them. */
    static StreamLoop of(Vertx vertx) {
        Context current = Vertx.currentContext();
        if (current != null && current.isEventLoopContext() && current.owner() == vertx) {
            // called from a blocking task of that context, the thread is a worker: the loop's is learnt later
            return new StreamLoop(vertx, current, Context.isOnEventLoopThread() ? Thread.currentThread() : null);
        }
        Context fresh = vertx instanceof VertxInternal internal ? internal.createEventLoopContext()
                : vertx.getOrCreateContext();
        return new StreamLoop(vertx, fresh, null);
    }

    /** Whether work may run right here: on the stream's loop, with nothing queued before it. */
    boolean here() {
        return queued.get() == 0 && Thread.currentThread() == thread;
    }

    void execute(Runnable task) {
        if (here()) {
            task.run();
        } else {
            later(task);
        }
    }

    /** Queues the task on the stream's loop, even when called from it. */
    void later(Runnable task) {
        queued.incrementAndGet();
        context.runOnContext(ignored -> {
            thread = Thread.currentThread();
            queued.decrementAndGet();
            task.run();
        });
    }

    /** Runs the task on the stream's loop after a delay; call from the loop. */
    long timer(long delayMillis, Runnable task) {
        return vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
    }

    /** Runs the task on the stream's loop every period; call from the loop. */
    long periodic(long periodMillis, Runnable task) {
        return vertx.setPeriodic(Math.max(1, periodMillis), id -> task.run());
    }

    void cancel(long timerId) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}

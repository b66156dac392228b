package io.parley.presentation.ws;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One connection's frames of one kind (signalling, or conversation), handled one after another in the
 * order they arrived. Steps start on the connection's event loop and may finish anywhere (a worker, the
 * agent); the next step starts when the previous one has finished. Waiting steps are bounded in number
 * and in bytes; every connection has its own lanes, so a slow step never delays another connection.
 */
final class OrderedLane {

    private static final Logger LOG = Logger.getLogger(OrderedLane.class);

    private final Context context;
    private final InboundAllowance allowance;
    private final int maxWaiting;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean closed;
    private Runnable whenIdle;

    OrderedLane(Context context, InboundAllowance allowance, int maxWaiting) {
        this.context = context;
        this.allowance = allowance;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Runs the step now if the lane is idle, else queues it behind the others. Returns false, and
     * drops the step, when the lane or the connection cannot hold one more. Event loop only.
     */
    boolean submit(long bytes, Supplier<CompletionStage<?>> step) {
        if (closed) {
            return true;
        }
        if (!busy) {
            run(step);
            return true;
        }
        if (waiting.size() >= maxWaiting || !allowance.reserve(bytes)) {
            return false;
        }
        waiting.add(new Waiting(step, bytes));
        return true;
    }

    /** Drops the waiting steps; {@code then} runs once the step in progress (if any) has finished. */
    void close(Runnable then) {
        closed = true;
        Waiting dropped;
        while ((dropped = waiting.poll()) != null) {
            allowance.release(dropped.bytes());
        }
        if (busy) {
            whenIdle = then;
        } else {
            then.run();
        }
    }

    private void run(Supplier<CompletionStage<?>> first) {
        Supplier<CompletionStage<?>> step = first;
        while (step != null) {
            busy = true;
            CompletableFuture<?> done = start(step).toCompletableFuture();
            if (!done.isDone()) {
                done.whenComplete((result, failure) -> context.runOnContext(ignored -> finished()));
                return;
            }
            step = nextStep();
        }
    }

    private static CompletionStage<?> start(Supplier<CompletionStage<?>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "a frame step failed");
            return CompletableFuture.completedFuture(null);
        }
    }

    private void finished() {
        Supplier<CompletionStage<?>> next = nextStep();
        if (next != null) {
            run(next);
        }
    }

    /** The next waiting step, or null once the lane is idle (running what waited for idleness). */
    private Supplier<CompletionStage<?>> nextStep() {
        busy = false;
        if (!closed) {
            Waiting next = waiting.poll();
            if (next != null) {
                allowance.release(next.bytes());
                return next.step();
            }
        }
        if (whenIdle != null) {
            Runnable then = whenIdle;
            whenIdle = null;
            then.run();
        }
        return null;
    }

    private record Waiting(Supplier<CompletionStage<?>> step, long bytes) {
    }
}

package io.parley.application.voice;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs tasks on an executor one after another, in the order they were given: a voice session's storage. */
final class InOrder implements Executor {

    private static final System.Logger LOG = System.getLogger(InOrder.class.getName());

    private final Executor executor;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    InOrder(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (this) {
                running = false;
                tasks.clear();
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a voice session's task failed", e);
            } catch (Error e) {
                synchronized (this) {
                    running = false;
                }
                throw e;
            }
        }
    }
}

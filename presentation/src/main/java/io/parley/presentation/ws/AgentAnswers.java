package io.parley.presentation.ws;

import io.parley.core.session.ConnectionLimits;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The agent answers this node runs: at most {@code parley.agent.max-concurrent-answers} at once, each
 * on a thread of its own (a model call streams for seconds); one more is refused at once, never queued.
 */
@Singleton
class AgentAnswers {

    private final Semaphore slots;
    private final ThreadPoolExecutor threads;

    AgentAnswers(ConnectionLimits limits) {
        int max = limits.maxConcurrentAnswers();
        AtomicInteger count = new AtomicInteger();
        this.slots = new Semaphore(max);
        this.threads = new ThreadPoolExecutor(max, max, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "parley-agent-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.allowCoreThreadTimeOut(true);
    }

    /** Starts the answer if a slot is free; empty when the node is answering as many as it may. */
    <T> Optional<CompletionStage<T>> tryStart(Supplier<T> answer) {
        if (!slots.tryAcquire()) {
            return Optional.empty();
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        threads.execute(() -> {
            try {
                done.complete(answer.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            } finally {
                slots.release();
            }
        });
        return Optional.of(done);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}

package io.parley.presentation.ws;

import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * Runs blocking work (Redis, Postgres) on a worker thread, unordered: connections order their own
 * work in their lanes, so no connection's work ever queues behind another's.
 */
@Singleton
class BlockingWork {

    private final Vertx vertx;

    BlockingWork(Vertx vertx) {
        this.vertx = vertx;
    }

    <T> CompletionStage<T> run(Callable<T> work) {
        return vertx.executeBlocking(work, false).toCompletionStage();
    }
}

package io.parley.infrastructure.cluster;

import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/** Answers this node waits for over the bus (a handover's verdict, a fence), each given up after its timeout. */
final class PendingReplies<T> {

    private final Map<UUID, CompletableFuture<T>> waiting = new ConcurrentHashMap<>();
    private final Vertx vertx;

    PendingReplies(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A new id, and the answer it will get (a TimeoutException after {@code timeout}). */
    Waiting<T> open(Duration timeout) {
        UUID id = UUID.randomUUID();
        CompletableFuture<T> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), ignored -> {
            if (waiting.remove(id) != null) {
                answer.completeExceptionally(new TimeoutException("no answer over the bus within " + timeout));
            }
        });
        answer.whenComplete((value, failure) -> vertx.cancelTimer(timer));
        return new Waiting<>(id, answer);
    }

    void answer(UUID id, T value) {
        CompletableFuture<T> answer = waiting.remove(id);
        if (answer != null) {
            answer.complete(value);
        }
    }

    /** Gives an answer up at once (the question could not even be sent). */
    void fail(UUID id, Throwable failure) {
        CompletableFuture<T> answer = waiting.remove(id);
        if (answer != null) {
            answer.completeExceptionally(failure);
        }
    }

    /** A question's id and its answer. */
    record Waiting<T>(UUID id, CompletionStage<T> answer) {
    }
}

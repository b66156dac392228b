package io.parley.presentation.ws;

import io.parley.core.session.ConnectionLimits;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;

/**
 * How many agent answers this node runs at once: at most {@code parley.agent.max-concurrent-answers};
 * one more is refused at once, never queued. Answers hold no thread while the model streams.
 */
@Singleton
class AnswerSlots {

    private final Semaphore slots;

    AnswerSlots(ConnectionLimits limits) {
        this.slots = new Semaphore(limits.maxConcurrentAnswers());
    }

    boolean tryTake() {
        return slots.tryAcquire();
    }

    void give() {
        slots.release();
    }
}

package io.parley.core.agent;

/** A reply being streamed; stopping it closes the model's stream, and its listener hears nothing more. */
@FunctionalInterface
public interface ReplyStream {

    /** A reply that is already over: nothing to stop. */
    ReplyStream FINISHED = () -> { };

    void cancel();
}

package io.parley.core.port.in;

/** Asks every client of this node to reconnect elsewhere and closes their sockets. */
public interface DrainNodeUseCase {

    /** Returns how many sessions were asked to move. */
    int drain();

    /** Waits until every session of this node has closed, at most {@code timeout}; true when none remain. */
    boolean awaitDrained(java.time.Duration timeout);
}

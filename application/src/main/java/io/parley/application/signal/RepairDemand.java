package io.parley.application.signal;

import java.util.concurrent.atomic.AtomicBoolean;

/** Raised when a release of shared state failed, so that the next upkeep rounds repair this node's part. */
public class RepairDemand {

    private final AtomicBoolean raised = new AtomicBoolean();

    public void raise() {
        raised.set(true);
    }

    /** Whether a repair was asked for since the last call. */
    boolean takeRaised() {
        return raised.getAndSet(false);
    }
}

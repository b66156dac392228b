package io.parley.core.call;

import java.time.Instant;
import java.util.Objects;

/** One step of a call's status history. */
public record CallStatusChange(CallStatus status, Instant at) {

    public CallStatusChange {
        Objects.requireNonNull(status);
        Objects.requireNonNull(at);
    }
}

package io.parley.core.port.out;

import java.time.Duration;

/** Counts actions per key in fixed windows shared by every node. */
public interface RateLimiter {

    /** Counts one action; refuses it when the key already used {@code limit} in the current window. */
    Decision tryAcquire(String key, int limit, Duration window);

    /** Whether the action may go ahead, and if not how long until the window resets. */
    record Decision(boolean allowed, long retryAfterMs) {
    }
}

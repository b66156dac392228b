package io.parley.core.session;

import java.time.Duration;

/** Operator-set limits and timings of signalling: room size, resume window, liveness, node TTL. */
public record SignalLimits(int maxRoomPeers, Duration resumeWindow, Duration idleTimeout, Duration nodeTtl) {

    public SignalLimits {
        if (maxRoomPeers < 2) {
            throw new IllegalArgumentException("maxRoomPeers must be at least 2");
        }
        for (Duration d : new Duration[] {resumeWindow, idleTimeout, nodeTtl}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }
}

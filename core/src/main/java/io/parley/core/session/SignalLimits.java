package io.parley.core.session;

import java.time.Duration;

/**
 * Operator-set limits and timings of signalling: room size, rooms per session, resume window,
 * liveness, node TTL and how often a node repairs its shared state.
 */
public record SignalLimits(int maxRoomPeers, int maxRoomsPerSession, Duration resumeWindow, Duration idleTimeout,
        Duration nodeTtl, Duration repairInterval) {

    public SignalLimits {
        if (maxRoomPeers < 2) {
            throw new IllegalArgumentException("maxRoomPeers must be at least 2");
        }
        if (maxRoomsPerSession < 1) {
            throw new IllegalArgumentException("maxRoomsPerSession must be at least 1");
        }
        for (Duration d : new Duration[] {resumeWindow, idleTimeout, nodeTtl, repairInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }
}

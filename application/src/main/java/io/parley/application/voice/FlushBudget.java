package io.parley.application.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Flushes of one synthesis stream within the provider's allowance (Deepgram: 20 a minute, of which this
 * keeps 5 spare): past it, text waits for the next flush allowed.
 */
final class FlushBudget {

    static final int PER_MINUTE = 15;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    /** Whether a flush may go now (counted when it does). */
    boolean tryFlush(Instant now) {
        while (!recent.isEmpty() && recent.peek().isBefore(now.minus(WINDOW))) {
            recent.poll();
        }
        if (recent.size() >= PER_MINUTE) {
            return false;
        }
        recent.add(now);
        return true;
    }
}

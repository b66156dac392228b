package io.parley.application.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Flushes of one synthesis stream within the provider's allowance (Deepgram: 20 a minute; this uses
 * {@value #PER_MINUTE}, keeping a margin for clocks that disagree). The last {@value #KEPT_FOR_TURN_STARTS}
 * are kept for the first piece of a turn, which the user waits for: later pieces of a long answer wait
 * (and then go as one bigger piece) rather than delay the next answer.
 */
final class FlushBudget {

    static final int PER_MINUTE = 18;
    static final int KEPT_FOR_TURN_STARTS = 4;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    /** Whether a flush may go now (counted when it does); {@code turnStart}: the turn's first piece. */
    boolean tryFlush(Instant now, boolean turnStart) {
        while (!recent.isEmpty() && recent.peek().isBefore(now.minus(WINDOW))) {
            recent.poll();
        }
        if (recent.size() >= (turnStart ? PER_MINUTE : PER_MINUTE - KEPT_FOR_TURN_STARTS)) {
            return false;
        }
        recent.add(now);
        return true;
    }
}

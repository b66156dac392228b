package io.parley.application.voice;

import java.util.concurrent.atomic.AtomicInteger;

/** How many voice sessions this node runs at once: at most {@code parley.voice.max-sessions}. */
public class VoiceSlots {

    private final int max;
    private final AtomicInteger taken = new AtomicInteger();

    public VoiceSlots(int max) {
        this.max = max;
    }

    boolean tryTake() {
        int current;
        do {
            current = taken.get();
            if (current >= max) {
                return false;
            }
        } while (!taken.compareAndSet(current, current + 1));
        return true;
    }

    void give() {
        taken.decrementAndGet();
    }

    public int max() {
        return max;
    }

    /** Voice sessions running now. */
    public int inUse() {
        return taken.get();
    }
}

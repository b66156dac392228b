package io.parley.presentation.ws;

import io.parley.core.signal.RecentFrames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered frames last written to one socket that its client has not acknowledged yet, bounded in
 * count and bytes (the oldest go first), so that a resume can replay what a dropped socket never
 * delivered. Not thread-safe: its channel guards it.
 */
final class ReplayRing {

    private final int maxFrames;
    private final long maxBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;


    ReplayRing(int maxFrames, long maxBytes) {
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /** Keeps a frame of {@code cost} bytes (as the channel counts them), dropping the oldest beyond the bounds. */
    void add(long seq, String text, long cost) {
        entries.add(new Entry(seq, text, cost));
        bytes += cost;
        while (entries.size() > maxFrames || bytes > maxBytes) {
            bytes -= entries.poll().cost();
        }
    }

    /** Forgets every frame up to {@code seq}: the client has them. */
    void acknowledge(long seq) {
        while (!entries.isEmpty() && entries.peek().seq() <= seq) {
            bytes -= entries.poll().cost();
        }
    }

    RecentFrames snapshot(long lastSeq, long lastDelivered) {
        List<String> frames = new ArrayList<>(entries.size());
        entries.forEach(entry -> frames.add(entry.text()));
        return new RecentFrames(lastSeq, frames, lastDelivered);
    }

    private record Entry(long seq, String text, long cost) {
    }
}

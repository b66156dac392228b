package io.parley.core.signal;

import java.util.List;

/**
 * The replayable frames most recently sent to a session, oldest first, each carrying its sequence number;
 * the last one is {@code lastSeq}. {@code lastDelivered} is the last one its socket took (a write that
 * completed); later ones never left the node. Frames the client acknowledged are no longer kept.
 */
public record RecentFrames(long lastSeq, List<String> frames, long lastDelivered) {

    public static final RecentFrames NONE = new RecentFrames(0, List.of(), 0);

    public RecentFrames {
        if (lastSeq < frames.size()) {
            throw new IllegalArgumentException("lastSeq " + lastSeq + " is below the " + frames.size() + " frames kept");
        }
        if (lastDelivered < 0 || lastDelivered > lastSeq) {
            throw new IllegalArgumentException("lastDelivered " + lastDelivered + " is not within 0-" + lastSeq);
        }
        frames = List.copyOf(frames);
    }

    /** Whether every frame after {@code seen} is still here. */
    public boolean covers(long seen) {
        return seen >= lastSeq - frames.size() && seen <= lastSeq;
    }

    /** The frames after {@code seen}, which must be {@link #covers covered}. */
    public List<String> after(long seen) {
        int skip = frames.size() - (int) (lastSeq - seen);
        return frames.subList(skip, frames.size());
    }
}

package io.parley.infrastructure.deepgram;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * Audio waiting for a socket, oldest first, at most {@code maxBytes} of it: adding past the bound
 * drops the oldest frames, and counts what was dropped.
 */
final class AudioBacklog {

    private final ArrayDeque<Buffer> frames = new ArrayDeque<>();
    private final long maxBytes;
    private long bytes;
    private long droppedBytes;

    AudioBacklog(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(Buffer frame) {
        frames.addLast(frame);
        bytes += frame.length();
        while (bytes > maxBytes) {
            Buffer oldest = frames.pollFirst();
            bytes -= oldest.length();
            droppedBytes += oldest.length();
        }
    }

    /** Puts back a frame that must go out before every frame waiting; the bound drops nothing here. */
    void addFirst(Buffer frame) {
        frames.addFirst(frame);
        bytes += frame.length();
    }

    /** The oldest frame, or null. */
    Buffer poll() {
        Buffer frame = frames.pollFirst();
        if (frame != null) {
            bytes -= frame.length();
        }
        return frame;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    /** Bytes dropped since the last call. */
    long takeDropped() {
        long dropped = droppedBytes;
        droppedBytes = 0;
        return dropped;
    }

    void clear() {
        frames.clear();
        bytes = 0;
    }
}

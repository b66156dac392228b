package io.parley.application.voice;

import io.parley.core.voice.AudioFormat;
import java.time.Instant;
import java.util.Optional;

/**
 * When each moment of the user's audio reached Parley: maps a position in the audio stream (in ms from
 * its first byte) to the instant that audio arrived, for the last {@value #KEPT} frames. A ring of
 * primitives: a frame costs no allocation, a lookup a binary search.
 */
final class MediaClock {

    static final int KEPT = 3000;

    private final AudioFormat format;
    /** Position (ms of audio) at the end of each kept frame, oldest at {@link #oldest}; ascending. */
    private final long[] endsAtMs = new long[KEPT];
    private final long[] arrivedAtMs = new long[KEPT];
    private int oldest;
    private int count;
    private long bytes;

    MediaClock(AudioFormat format) {
        this.format = format;
    }

    /** A frame of this many bytes arrived at {@code at}. */
    void received(int frameBytes, Instant at) {
        bytes += frameBytes;
        int slot = (oldest + count) % KEPT;
        if (count == KEPT) {
            oldest = (oldest + 1) % KEPT;
        } else {
            count++;
        }
        endsAtMs[slot] = (long) (bytes / format.bytesPerMillisecond());
        arrivedAtMs[slot] = at.toEpochMilli();
    }

    /**
     * The instant the audio at {@code mediaMs} arrived: that of the first kept frame ending at or after it,
     * or of the last frame when it is later than all; empty before any frame.
     */
    Optional<Instant> arrivalOf(long mediaMs) {
        if (count == 0) {
            return Optional.empty();
        }
        int low = 0;
        int high = count - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (endsAtMs[(oldest + middle) % KEPT] >= mediaMs) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Optional.of(Instant.ofEpochMilli(arrivedAtMs[(oldest + low) % KEPT]));
    }
}

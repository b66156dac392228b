package io.parley.application.voice;

import io.parley.core.voice.AudioFormat;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * When each moment of the user's audio reached Parley: maps a position in the audio stream (in ms from
 * its first byte) to the instant that audio arrived, for the last {@value #KEPT} frames.
 */
final class MediaClock {

    static final int KEPT = 3000;

    private final AudioFormat format;
    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private long bytes;

    MediaClock(AudioFormat format) {
        this.format = format;
    }

    /** A frame of this many bytes arrived at {@code at}. */
    void received(int frameBytes, Instant at) {
        bytes += frameBytes;
        arrivals.add(new long[] {(long) (bytes / format.bytesPerMillisecond()), at.toEpochMilli()});
        if (arrivals.size() > KEPT) {
            arrivals.poll();
        }
    }

    /** The instant the audio at {@code mediaMs} arrived, if it is still remembered. */
    Optional<Instant> arrivalOf(long mediaMs) {
        for (long[] arrival : arrivals) {
            if (arrival[0] >= mediaMs) {
                return Optional.of(Instant.ofEpochMilli(arrival[1]));
            }
        }
        return Optional.ofNullable(arrivals.peekLast()).map(last -> Instant.ofEpochMilli(last[1]));
    }
}

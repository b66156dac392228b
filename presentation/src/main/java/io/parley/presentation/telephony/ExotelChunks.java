package io.parley.presentation.telephony;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the agent's audio into the chunks Exotel plays: multiples of {@value #UNIT} bytes, at least
 * {@value #LEAST} and at most {@value #MOST}; what is left at the end of a turn goes padded with silence (zero
 * samples). Holds less than one chunk; not thread-safe.
 */
final class ExotelChunks {

    static final int UNIT = 320;
    static final int LEAST = 3200;
    /** The largest multiple of {@link #UNIT} within Exotel's 100 kB. */
    static final int MOST = 100_000 / UNIT * UNIT;

    private final byte[] pending = new byte[MOST];
    private int filled;

    /** Takes audio (whole 16-bit samples); returns the chunks it completes, in order. */
    List<byte[]> add(byte[] audio) {
        List<byte[]> ready = new ArrayList<>(1);
        for (int offset = 0; offset < audio.length;) {
            int taken = Math.min(audio.length - offset, MOST - filled);
            System.arraycopy(audio, offset, pending, filled, taken);
            filled += taken;
            offset += taken;
            if (filled >= LEAST) {
                ready.add(take(filled - filled % UNIT));
            }
        }
        return ready;
    }

    /** What is left (always less than a chunk) as a last chunk, padded with silence; empty when nothing is left. */
    Optional<byte[]> flush() {
        if (filled == 0) {
            return Optional.empty();
        }
        byte[] last = new byte[LEAST];
        System.arraycopy(pending, 0, last, 0, filled);
        filled = 0;
        return Optional.of(last);
    }

    /** Drops what is left (the caller interrupted). */
    void clear() {
        filled = 0;
    }

    private byte[] take(int bytes) {
        byte[] chunk = new byte[bytes];
        System.arraycopy(pending, 0, chunk, 0, bytes);
        filled -= bytes;
        System.arraycopy(pending, bytes, pending, 0, filled);
        return chunk;
    }
}

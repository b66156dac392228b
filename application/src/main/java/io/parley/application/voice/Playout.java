package io.parley.application.voice;

import io.parley.core.port.out.VoiceOutput;
import io.parley.core.voice.AudioFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Sends the agent's audio at the pace it plays, {@link #LEAD} ahead of the listener: synthesis makes
 * audio faster than real time, and audio already sent cannot be taken back when the user interrupts.
 * So an interruption stops the agent within {@code LEAD}, and what the user heard is known. Guarded
 * by its {@link VoiceConversation}.
 */
final class Playout {

    /** How far ahead of the listener's playback audio is sent: the listener's jitter buffer. */
    static final Duration LEAD = Duration.ofMillis(200);
    /** The pace of sending: one frame of about this length at a time. */
    static final Duration FRAME = Duration.ofMillis(20);

    private final AudioFormat format;
    private final VoiceOutput output;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int headOffset;
    private long queuedBytes;
    private long sentBytes;
    private Instant playEndsAt;

    Playout(AudioFormat format, VoiceOutput output) {
        this.format = format;
        this.output = output;
    }

    /** Audio to play after what is queued. */
    void add(byte[] audio) {
        if (audio.length > 0) {
            queue.add(audio);
            queuedBytes += audio.length;
        }
    }

    /**
     * Sends what is due at {@code now}: enough to keep the listener {@link #LEAD} ahead, in one frame of
     * whole samples.
     */
    void pump(Instant now) {
        if (queuedBytes == 0) {
            return;
        }
        Duration ahead = ahead(now);
        int sample = format.encoding().bytesPerSample();
        long whole = queuedBytes - queuedBytes % sample;
        if (whole == 0 || ahead.compareTo(LEAD.minus(FRAME)) > 0) {
            return;
        }
        long due = Math.min(whole, Math.max(format.bytesFor(LEAD.minus(ahead)), sample));
        byte[] frame = take((int) due);
        sentBytes += frame.length;
        Instant from = playEndsAt == null || playEndsAt.isBefore(now) ? now : playEndsAt;
        playEndsAt = from.plus(format.durationOf(frame.length));
        output.audio(frame);
    }

    /** Audio not yet played by the listener: queued here, and sent but still in the listener's buffer. */
    Duration buffered(Instant now) {
        return format.durationOf(queuedBytes).plus(ahead(now));
    }

    /** Whether everything queued was sent (but a piece of a sample, which cannot be). */
    boolean drained() {
        return queuedBytes < format.encoding().bytesPerSample();
    }

    /**
     * A new turn's audio follows: what is left of a sample is dropped, and counting of what was played
     * starts again (audio of the turn before still in the listener's buffer plays first).
     */
    void nextTurn() {
        if (drained()) {
            dropQueue();
        }
        sentBytes = 0;
    }

    /** How much of the audio sent since the last {@link #reset} the listener has played by {@code now}. */
    Duration played(Instant now) {
        Duration sent = format.durationOf(sentBytes);
        Duration left = ahead(now);
        return sent.compareTo(left) > 0 ? sent.minus(left) : Duration.ZERO;
    }

    /** Drops what was not sent; counting of what was played starts again. */
    void reset() {
        dropQueue();
        sentBytes = 0;
        playEndsAt = null;
    }

    private void dropQueue() {
        queue.clear();
        headOffset = 0;
        queuedBytes = 0;
    }

    private Duration ahead(Instant now) {
        return playEndsAt == null || !playEndsAt.isAfter(now) ? Duration.ZERO : Duration.between(now, playEndsAt);
    }

    /** Takes the next {@code bytes} bytes off the queue. */
    private byte[] take(int bytes) {
        byte[] frame = new byte[bytes];
        int filled = 0;
        while (filled < bytes) {
            byte[] head = queue.peek();
            int n = Math.min(bytes - filled, head.length - headOffset);
            System.arraycopy(head, headOffset, frame, filled, n);
            filled += n;
            headOffset += n;
            if (headOffset == head.length) {
                queue.poll();
                headOffset = 0;
            }
        }
        queuedBytes -= bytes;
        return frame;
    }
}

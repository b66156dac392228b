package io.parley.infrastructure.deepgram;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * Audio written to the current listen socket that no final result covers yet, at most
 * {@code maxBytes} of it (the oldest is forgotten first). When the socket drops, this is what
 * Deepgram may never have heard: it is sent again on the next socket, as Deepgram's guide to
 * recovering dropped streams advises. Positions count bytes from the start of the whole stream.
 */
final class UnheardAudio {

    private final ArrayDeque<Buffer> frames = new ArrayDeque<>();
    private final long maxBytes;
    private long bytes;
    /** Stream position just past the last byte written to a socket. */
    private long writtenTo;

    UnheardAudio(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** {@code frame} was written to the socket. */
    void written(Buffer frame) {
        frames.addLast(frame);
        bytes += frame.length();
        writtenTo += frame.length();
        while (bytes > maxBytes) {
            bytes -= frames.pollFirst().length();
        }
    }

    /** A final result covers the stream up to {@code position}: whole frames before it are heard. */
    void heardUpTo(long position) {
        long from = writtenTo - bytes;
        while (!frames.isEmpty() && from + frames.peekFirst().length() <= position) {
            int length = frames.pollFirst().length();
            bytes -= length;
            from += length;
        }
    }

    /** The socket dropped: the unheard frames go back to the front of {@code backlog}, to be written again. */
    void putBackInto(AudioBacklog backlog) {
        writtenTo -= bytes;
        bytes = 0;
        while (!frames.isEmpty()) {
            backlog.addFirst(frames.pollLast());
        }
    }
}

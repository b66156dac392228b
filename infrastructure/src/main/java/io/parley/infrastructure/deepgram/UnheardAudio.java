package io.parley.infrastructure.deepgram;

import io.vertx.core.buffer.Buffer;

/**
 * The audio written to the current listen socket that no final result covers yet, the newest
 * {@code maxBytes} of it, copied into a ring that grows as needed. When the socket drops, this is what
 * Deepgram may never have heard: it is sent again on the next socket, as Deepgram's guide to recovering
 * dropped streams advises. Positions count bytes from the start of the whole stream.
 */
final class UnheardAudio {

    private static final int FIRST_CAPACITY = 4096;

    private final int maxBytes;
    private byte[] ring;
    /** Stream position just past the last byte written to a socket. */
    private long writtenTo;
    /** Stream position up to which final results cover the audio. */
    private long heardTo;

    UnheardAudio(long maxBytes) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, maxBytes));
        this.ring = new byte[Math.min(FIRST_CAPACITY, this.maxBytes)];
    }

    /** {@code frame} was written to the socket. */
    void written(Buffer frame) {
        int length = frame.length();
        if (maxBytes == 0) {
            writtenTo += length;
            heardTo = writtenTo;
            return;
        }
        long wanted = Math.min(maxBytes, writtenTo - heardTo + length);
        if (wanted > ring.length) {
            grow((int) wanted);
        }
        int skip = Math.max(0, length - ring.length); // a frame longer than the ring keeps its newest bytes
        for (int at = skip; at < length;) {
            int slot = (int) ((writtenTo + at) % ring.length);
            int run = Math.min(length - at, ring.length - slot);
            frame.getBytes(at, at + run, ring, slot);
            at += run;
        }
        writtenTo += length;
    }

    /** A final result covers the stream up to {@code position}. */
    void heardUpTo(long position) {
        heardTo = Math.max(heardTo, Math.min(position, writtenTo));
    }

    /** The socket dropped: the unheard audio goes to the front of {@code backlog}, to be written again. */
    void putBackInto(AudioBacklog backlog) {
        int unheard = unheardBytes();
        if (unheard > 0) {
            backlog.addFirst(Buffer.buffer(copyNewest(unheard)));
        }
        writtenTo -= unheard;
        heardTo = writtenTo;
    }

    private int unheardBytes() {
        return (int) Math.min(writtenTo - heardTo, ring.length);
    }

    private void grow(int wanted) {
        int capacity = (int) Math.min(maxBytes, Math.max(wanted, 2L * ring.length));
        byte[] kept = copyNewest(unheardBytes());
        ring = new byte[capacity];
        for (int i = 0; i < kept.length; i++) {
            ring[(int) ((writtenTo - kept.length + i) % capacity)] = kept[i];
        }
    }

    /** The newest {@code count} bytes written, oldest first. */
    private byte[] copyNewest(int count) {
        byte[] out = new byte[count];
        long from = writtenTo - count;
        for (int at = 0; at < count;) {
            int slot = (int) ((from + at) % ring.length);
            int run = Math.min(count - at, ring.length - slot);
            System.arraycopy(ring, slot, out, at, run);
            at += run;
        }
        return out;
    }
}

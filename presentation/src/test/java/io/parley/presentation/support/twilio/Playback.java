package io.parley.presentation.support.twilio;

import io.parley.presentation.support.twilio.MediaStream.EchoedMark;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Twilio's playback buffer for the audio Parley sends (thread-safe): mu-law plays at 8000 bytes/s in
 * real time, a mark is echoed once the audio queued before it has played, a clear drops the queued
 * audio and echoes the pending marks at once.
 */
final class Playback {

    /** One byte of 8 kHz mu-law lasts 125 microseconds. */
    private static final long NANOS_PER_BYTE = 125_000;

    private record PendingMark(String name, long position) {
    }

    private final Vertx vertx;
    private final Consumer<String> echo;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final ByteArrayOutputStream played = new ByteArrayOutputStream();
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private final Deque<PendingMark> marks = new ArrayDeque<>();
    private final List<EchoedMark> echoes = new ArrayList<>();
    private int headOffset;
    /** Positions count the bytes queued since the stream began; the playhead moves whenever anything happens. */
    private long queuedUpTo;
    private long playedUpTo;
    /** When the byte at {@code playedUpTo} starts (or started) playing. */
    private long playheadNanos;
    private int clears;
    private long timer = -1;
    private boolean halted;

    /** {@code echo} sends a mark message back to Parley; timers for due marks run on {@code vertx}. */
    Playback(Vertx vertx, Consumer<String> echo) {
        this.vertx = vertx;
        this.echo = echo;
    }

    synchronized void media(byte[] audio, long nowNanos) {
        advance(nowNanos);
        if (halted || audio.length == 0) {
            return;
        }
        received.writeBytes(audio);
        if (queue.isEmpty()) {
            playheadNanos = nowNanos;
        }
        queue.add(audio);
        queuedUpTo += audio.length;
        scheduleNextMark(nowNanos);
    }

    synchronized void mark(String name, long nowNanos) {
        advance(nowNanos);
        if (halted) {
            return;
        }
        marks.add(new PendingMark(name, queuedUpTo));
        echoDueMarks(nowNanos);
        scheduleNextMark(nowNanos);
    }

    synchronized void clear(long nowNanos) {
        advance(nowNanos);
        if (halted) {
            return;
        }
        clears++;
        queue.clear();
        headOffset = 0;
        playedUpTo = queuedUpTo;
        echoDueMarks(nowNanos);
    }

    /** The call ended: nothing more plays or is echoed. */
    synchronized void halt(long nowNanos) {
        advance(nowNanos);
        halted = true;
        vertx.cancelTimer(timer);
    }

    synchronized byte[] received() {
        return received.toByteArray();
    }

    synchronized byte[] played(long nowNanos) {
        advance(nowNanos);
        return played.toByteArray();
    }

    synchronized List<EchoedMark> echoes(long nowNanos) {
        advance(nowNanos);
        return List.copyOf(echoes);
    }

    synchronized int clears() {
        return clears;
    }

    private void advance(long nowNanos) {
        if (halted) {
            return;
        }
        long playable = (nowNanos - playheadNanos) / NANOS_PER_BYTE;
        while (playable > 0 && !queue.isEmpty()) {
            byte[] head = queue.peek();
            int bytes = (int) Math.min(playable, head.length - headOffset);
            played.write(head, headOffset, bytes);
            headOffset += bytes;
            playedUpTo += bytes;
            playable -= bytes;
            playheadNanos += bytes * NANOS_PER_BYTE;
            if (headOffset == head.length) {
                queue.poll();
                headOffset = 0;
            }
        }
        echoDueMarks(nowNanos);
    }

    private void echoDueMarks(long nowNanos) {
        while (!marks.isEmpty() && marks.peek().position() <= playedUpTo) {
            String name = marks.poll().name();
            echoes.add(new EchoedMark(name, nowNanos));
            echo.accept(name);
        }
    }

    private void scheduleNextMark(long nowNanos) {
        vertx.cancelTimer(timer);
        if (halted || marks.isEmpty()) {
            return;
        }
        long dueNanos = playheadNanos + (marks.peek().position() - playedUpTo) * NANOS_PER_BYTE;
        long delayMillis = Math.max(1, (dueNanos - nowNanos + 999_999) / 1_000_000);
        timer = vertx.setTimer(delayMillis, id -> {
            long now = System.nanoTime();
            synchronized (this) {
                advance(now);
                scheduleNextMark(now);
            }
        });
    }
}

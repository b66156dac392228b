package io.parley.presentation.support.exotel;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exotel's playback buffer for the audio Parley sends (thread-safe): PCM plays in real time at the stream's
 * rate, a mark is echoed once the audio queued before it has played, a clear drops the queued audio and
 * echoes the pending marks at once.
 */
final class ExotelPlayback {

    private record PendingMark(String name, long position) {
    }

    private final Vertx vertx;
    private final long bytesPerSecond;
    private final Consumer<String> echo;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Deque<PendingMark> marks = new ArrayDeque<>();
    private final List<VoicebotStream.EchoedMark> echoes = new ArrayList<>();
    /** Positions count the bytes queued since the stream began. */
    private long queuedUpTo;
    private long playedUpTo;
    /** When the byte at {@code playedUpTo} starts (or started) playing. */
    private long playheadNanos;
    private int clears;
    private long timer = -1;
    private boolean halted;

    /** {@code echo} sends a mark back to Parley; timers for due marks run on {@code vertx}. */
    ExotelPlayback(Vertx vertx, int sampleRate, Consumer<String> echo) {
        this.vertx = vertx;
        this.bytesPerSecond = sampleRate * 2L;
        this.echo = echo;
    }

    synchronized void media(byte[] audio, long nowNanos) {
        advance(nowNanos);
        if (halted || audio.length == 0) {
            return;
        }
        received.writeBytes(audio);
        if (playedUpTo == queuedUpTo) {
            playheadNanos = nowNanos;
        }
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

    synchronized List<VoicebotStream.EchoedMark> echoes(long nowNanos) {
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
        long playable = Math.min(queuedUpTo - playedUpTo, (nowNanos - playheadNanos) * bytesPerSecond / 1_000_000_000L);
        if (playable > 0) {
            playedUpTo += playable;
            playheadNanos += playable * 1_000_000_000L / bytesPerSecond;
        }
        echoDueMarks(nowNanos);
    }

    private void echoDueMarks(long nowNanos) {
        while (!marks.isEmpty() && marks.peek().position() <= playedUpTo) {
            String name = marks.poll().name();
            echoes.add(new VoicebotStream.EchoedMark(name, nowNanos));
            echo.accept(name);
        }
    }

    private void scheduleNextMark(long nowNanos) {
        vertx.cancelTimer(timer);
        if (halted || marks.isEmpty()) {
            return;
        }
        long dueNanos = playheadNanos + (marks.peek().position() - playedUpTo) * 1_000_000_000L / bytesPerSecond;
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

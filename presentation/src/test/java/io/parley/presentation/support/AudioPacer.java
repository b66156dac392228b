package io.parley.presentation.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends audio frames at the pace a microphone or phone line would: frame {@code i} goes at
 * {@code start + i * frameLength}, each due time computed from the start so that slow sends do not
 * add up to drift.
 */
public final class AudioPacer {

    private AudioPacer() {
    }

    /** Streams a fixture's 20 ms frames over a Parley socket, returning when the last is sent. */
    public static void streamRealTime(SocketClient socket, List<byte[]> frames) {
        streamRealTime(socket::sendBinary, frames, AudioFixture.FRAME);
    }

    /** Streams the frames to {@code send}, returning when the last is sent. */
    public static void streamRealTime(Consumer<byte[]> send, List<byte[]> frames, Duration frameLength) {
        stream(send, frames, frameLength, () -> Thread.currentThread().isInterrupted());
    }

    /**
     * Streams the frames from a background thread; the future completes after the last frame, or
     * with the sender's failure. Cancelling it stops the stream before the next frame.
     */
    public static CompletableFuture<Void> streamInBackground(Consumer<byte[]> send, List<byte[]> frames,
            Duration frameLength) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                stream(send, frames, frameLength, done::isDone);
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, "audio-pacer");
        sender.setDaemon(true);
        sender.start();
        return done;
    }

    private static void stream(Consumer<byte[]> send, List<byte[]> frames, Duration frameLength,
            BooleanSupplier stopped) {
        long start = System.nanoTime();
        for (int i = 0; i < frames.size() && !stopped.getAsBoolean(); i++) {
            long due = start + i * frameLength.toNanos();
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            send.accept(frames.get(i));
        }
    }
}

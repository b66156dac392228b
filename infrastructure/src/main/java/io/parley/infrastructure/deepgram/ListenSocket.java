package io.parley.infrastructure.deepgram;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.time.Duration;

/**
 * One open {@code /v1/listen} socket: writes audio and the control messages, sends KeepAlive when
 * nothing went out for {@code keep-alive}, and after CloseStream closes itself if Deepgram has not
 * within a grace period. Runs on the stream's loop.
 */
final class ListenSocket {

    static final String KEEP_ALIVE = "{\"type\":\"KeepAlive\"}";
    static final String FINALIZE = "{\"type\":\"Finalize\"}";
    static final String CLOSE_STREAM = "{\"type\":\"CloseStream\"}";
    /** How long Deepgram may take to finish and close after CloseStream. */
    static final long CLOSE_GRACE_MILLIS = 2_000;

    private final WebSocket socket;
    private final StreamLoop loop;
    private final long keepAliveNanos;
    private final long keepAliveTimer;
    private long graceTimer = -1;
    private long lastSentNanos = System.nanoTime();

    ListenSocket(WebSocket socket, StreamLoop loop, Duration keepAlive) {
        this.socket = socket;
        this.loop = loop;
        this.keepAliveNanos = keepAlive.toNanos();
        this.keepAliveTimer = loop.periodic(Math.max(20, keepAlive.toMillis() / 4), this::keepAlive);
    }

    boolean is(WebSocket other) {
        return socket == other;
    }

    /** Whether the socket takes more now (else wait for the drain handler). */
    boolean ready() {
        return !socket.writeQueueFull();
    }

    void audio(Buffer frame) {
        socket.writeBinaryMessage(frame, null);
        lastSentNanos = System.nanoTime();
    }

    void control(String message) {
        socket.writeTextMessage(message, null);
        lastSentNanos = System.nanoTime();
    }

    /** Asks Deepgram to finish and close; closes anyway after the grace period. */
    void closeStream() {
        control(CLOSE_STREAM);
        loop.cancel(keepAliveTimer);
        graceTimer = loop.timer(CLOSE_GRACE_MILLIS, socket::close);
    }

    /** The socket closed: no more timers. */
    void closed() {
        loop.cancel(keepAliveTimer);
        loop.cancel(graceTimer);
    }

    void close() {
        closed();
        socket.close();
    }

    private void keepAlive() {
        if (System.nanoTime() - lastSentNanos >= keepAliveNanos) {
            control(KEEP_ALIVE);
        }
    }
}

package io.parley.presentation.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * One fake {@code /v1/listen} socket: decodes binary audio, feeds the speech detector and utterance
 * tracker, answers KeepAlive / Finalize / CloseStream (an empty binary frame, the deprecated way to
 * close, counts as CloseStream), and closes with 1011 NET-0001 when the client goes quiet for the
 * idle timeout. Raw audio it cannot decode (no or unsupported {@code encoding}, no
 * {@code sample_rate}) closes it with 1008 DATA-0000, as Deepgram does with undecodable audio.
 * Sources: developers.deepgram.com/docs/audio-keep-alive, /finalize, /close-stream and
 * /stt-troubleshooting-websocket-data-and-net-errors (close codes 1008 DATA-0000, 1011 NET-0001, the
 * empty-byte close). Runs on the socket's event loop only.
 */
final class ListenSession {

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final HttpConnection connection;
    private final ListenRecording recording;
    private final ListenOptions options;
    private final ListenMessages messages;
    private final UtteranceTracker tracker;
    private final SpeechDetector detector;
    private final MessageDigest sha256;
    private final long idleNanos;
    private byte[] carry = new byte[0];
    private long audioBytes;
    private long lastHeard = System.nanoTime();
    private long idleTimer;
    private boolean closing;

    ListenSession(Vertx vertx, ServerWebSocket socket, HttpConnection connection, ListenRecording recording,
            Supplier<String> script, Duration idleTimeout) {
        this.vertx = vertx;
        this.socket = socket;
        this.connection = connection;
        this.recording = recording;
        this.options = ListenOptions.of(recording.query());
        this.messages = new ListenMessages(options, recording.requestId());
        this.tracker = new UtteranceTracker(options, messages, script, this::send);
        this.detector = new SpeechDetector(options.sampleRate(), options.channels(), tracker);
        this.idleNanos = idleTimeout.toNanos();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void start() {
        socket.binaryMessageHandler(this::audio);
        socket.textMessageHandler(this::control);
        socket.closeHandler(closed -> {
            vertx.cancelTimer(idleTimer);
            recording.markClosed();
        });
        long period = Math.max(10, Math.min(250, idleNanos / 10_000_000));
        idleTimer = vertx.setPeriodic(period, tick -> {
            if (!closing && System.nanoTime() - lastHeard >= idleNanos) {
                close(1011, FakeDeepgramServer.NET_0001_REASON);
            }
        });
    }

    ListenRecording recording() {
        return recording;
    }

    /**
     * Cuts the TCP connection with no close frame, as a network failure would: closing from Vert.x's
     * own handler context skips that handler, which would otherwise send a 1000 close frame first.
     */
    void drop() {
        ((ConnectionBase) connection).channelHandlerContext().close();
    }

    private void audio(Buffer frame) {
        if (closing) {
            return;
        }
        lastHeard = System.nanoTime();
        byte[] bytes = frame.getBytes();
        recording.receivedAudio(bytes.length);
        if (bytes.length == 0) {
            closeStream();
            return;
        }
        if (!options.decodable()) {
            close(1008, "DATA-0000");
            return;
        }
        sha256.update(bytes);
        audioBytes += bytes.length;
        AudioEncoding encoding = options.encoding().orElseThrow();
        byte[] joined = new byte[carry.length + bytes.length];
        System.arraycopy(carry, 0, joined, 0, carry.length);
        System.arraycopy(bytes, 0, joined, carry.length, bytes.length);
        int whole = joined.length - joined.length % encoding.bytesPerSample();
        carry = Arrays.copyOfRange(joined, whole, joined.length);
        detector.accept(encoding.decode(Arrays.copyOf(joined, whole)));
    }

    private void control(String text) {
        if (closing) {
            return;
        }
        lastHeard = System.nanoTime();
        ReceivedMessage message = ReceivedMessage.of(text);
        recording.receivedText(message);
        switch (message.type()) {
            case "Finalize" -> tracker.finalizePending(true);
            case "CloseStream" -> closeStream();
            default -> {
                // KeepAlive only resets the idle timer; Deepgram does not answer it.
            }
        }
    }

    private void closeStream() {
        tracker.finalizePending(false);
        double seconds = options.decodable()
                ? (double) audioBytes / (options.encoding().orElseThrow().bytesPerSample() * options.channels()
                        * options.sampleRate())
                : 0.0;
        send(messages.metadata(HexFormat.of().formatHex(sha256.digest()), recording.openedAt(), seconds));
        close(1000, "");
    }

    private void send(String json) {
        recording.sentText(json);
        socket.writeTextMessage(json);
    }

    private void close(int code, String reason) {
        closing = true;
        vertx.cancelTimer(idleTimer);
        socket.close((short) code, reason);
    }
}

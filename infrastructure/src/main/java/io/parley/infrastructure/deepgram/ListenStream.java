package io.parley.infrastructure.deepgram;

import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechStream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One speech-recognition stream over {@code /v1/listen}. Audio waits in a bounded backlog whenever no
 * socket takes it (before the first opens, while a lost one is replaced, while one is backed up) and
 * goes out in order once one does; a socket closed without being asked is replaced (see
 * {@link Reconnection}) and the audio no final result covered yet is sent again on the new one
 * ({@link UnheardAudio}). State lives on the stream's loop.
 */
final class ListenStream implements SpeechStream {

    private static final Logger LOG = Logger.getLogger(ListenStream.class);

    private enum State { CONNECTING, OPEN, RECONNECTING, CLOSING, CLOSED }

    private final StreamLoop loop;
    private final Supplier<Future<WebSocket>> connector;
    private final AudioFormat format;
    private final Duration keepAlive;
    private final GuardedSpeechListener listener;
    private final ListenReplies replies;
    private final AudioBacklog backlog;
    private final UnheardAudio unheard;
    private final Reconnection reconnection;
    private State state = State.CONNECTING;
    private ListenSocket socket;
    private long streamBytes;
    private boolean finalizeWanted;

    ListenStream(StreamLoop loop, DeepgramSettings settings, AudioFormat format, GuardedSpeechListener listener,
            Supplier<Future<WebSocket>> connector) {
        this.loop = loop;
        this.connector = connector;
        this.format = format;
        this.keepAlive = settings.keepAlive();
        this.listener = listener;
        this.replies = new ListenReplies(listener, this::heardUntil);
        this.backlog = new AudioBacklog(format.bytesFor(settings.reconnectBuffer()));
        this.unheard = new UnheardAudio(format.bytesFor(settings.reconnectBuffer()));
        this.reconnection = new Reconnection(loop, settings.reconnectFor(), this::reconnect, this::fail);
    }

    void start() {
        loop.later(this::connect);
    }

    /** Fails the stream at once, as Deepgram cannot be used. */
    void refuse(String reason) {
        loop.later(() -> fail(reason));
    }

    @Override
    public void send(byte[] audio) {
        if (audio.length == 0) {
            return; // an empty binary frame would ask Deepgram to close the stream
        }
        Buffer frame = Buffer.buffer(audio);
        if (loop.here()) {
            accept(frame);
        } else {
            loop.later(() -> accept(frame));
        }
    }

    @Override
    public void finalizeTurn() {
        loop.execute(() -> {
            if (state != State.CLOSING && state != State.CLOSED) {
                finalizeWanted = true;
                drain();
            }
        });
    }

    @Override
    public void close() {
        loop.execute(() -> {
            listener.stop();
            if (state == State.OPEN) {
                state = State.CLOSING;
                while (!backlog.isEmpty()) {
                    write(backlog.poll());
                }
                socket.closeStream();
            } else if (state != State.CLOSING) {
                finish();
            }
        });
    }

    private void connect() {
        connector.get().onComplete(result -> {
            if (result.succeeded()) {
                opened(result.result());
            } else {
                connectFailed(UpgradeFailure.of(result.cause()));
            }
        });
    }

    private void reconnect() {
        if (state == State.RECONNECTING) {
            connect();
        }
    }

    private void opened(WebSocket opened) {
        if (state != State.CONNECTING && state != State.RECONNECTING) {
            opened.close();
            return;
        }
        boolean first = state == State.CONNECTING;
        ListenSocket current = new ListenSocket(opened, loop, keepAlive);
        socket = current;
        opened.textMessageHandler(text -> {
            if (socket == current && state == State.OPEN) {
                replies.accept(text);
            }
        });
        opened.closeHandler(ignored -> closed(current, opened));
        opened.exceptionHandler(error -> LOG.debugf("Deepgram listen socket: %s", error.getMessage()));
        opened.drainHandler(ignored -> drain());
        replies.socketStartsAt(format.durationOf(streamBytes - backlog.bytes()).toMillis());
        state = State.OPEN;
        reconnection.stop();
        long dropped = backlog.takeDropped();
        if (dropped > 0) {
            LOG.warnf("Deepgram listen stream: %d ms of audio did not fit the reconnect buffer and were dropped",
                    format.durationOf(dropped).toMillis());
        }
        drain();
        if (first) {
            listener.onReady();
        } else {
            LOG.info("Deepgram listen stream reconnected");
        }
    }

    private void accept(Buffer frame) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        streamBytes += frame.length();
        if (state == State.OPEN && backlog.isEmpty() && socket.ready()) {
            write(frame);
        } else {
            backlog.add(frame);
        }
    }

    private void write(Buffer frame) {
        socket.audio(frame);
        unheard.written(frame);
    }

    /** A final result covers the stream's audio up to this time. */
    private void heardUntil(long streamMillis) {
        unheard.heardUpTo(format.bytesFor(Duration.ofMillis(streamMillis)));
    }

    /** Sends kept audio while the socket takes it, then a Finalize asked for meanwhile. */
    private void drain() {
        while (state == State.OPEN && !backlog.isEmpty() && socket.ready()) {
            write(backlog.poll());
        }
        if (state == State.OPEN && backlog.isEmpty() && finalizeWanted) {
            finalizeWanted = false;
            socket.control(ListenSocket.FINALIZE);
        }
    }

    private void closed(ListenSocket closed, WebSocket webSocket) {
        closed.closed();
        if (closed != socket) {
            return;
        }
        if (state != State.OPEN) {
            finish();
            return;
        }
        String why = SocketEnd.of(webSocket);
        LOG.warnf("Deepgram listen socket %s; reconnecting", why);
        state = State.RECONNECTING;
        socket = null;
        unheard.putBackInto(backlog);
        reconnection.begin(why);
    }

    private void connectFailed(UpgradeFailure failure) {
        if (state == State.CONNECTING) {
            fail(failure.reason());
        } else if (state == State.RECONNECTING) {
            LOG.debugf("Deepgram listen reconnect failed: %s", failure.reason());
            reconnection.failed(failure);
        }
    }

    private void fail(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        LOG.warnf("Deepgram speech-to-text failed: %s", reason);
        ListenSocket open = socket;
        finish();
        if (open != null) {
            open.close();
        }
        listener.onFailure(reason);
    }

    private void finish() {
        state = State.CLOSED;
        socket = null;
        reconnection.stop();
        backlog.clear();
    }
}

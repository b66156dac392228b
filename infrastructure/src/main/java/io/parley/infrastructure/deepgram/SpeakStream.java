package io.parley.infrastructure.deepgram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parley.core.voice.SpeechSynthesis;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One speech-synthesis stream over {@code /v1/speak}: Speak, Flush, Clear and Close out as text
 * frames (queued, at most {@link #MAX_QUEUED_CHARS}, until the socket opens); audio, Flushed and
 * Cleared back. Audio and Flushed still arriving between clear() and Deepgram's Cleared belong to the
 * dropped text and are not passed on. Any close not asked for fails the stream. State lives on the
 * stream's loop.
 */
final class SpeakStream implements SpeechSynthesis {

    static final String FLUSH = "{\"type\":\"Flush\"}";
    static final String CLEAR = "{\"type\":\"Clear\"}";
    static final String CLOSE = "{\"type\":\"Close\"}";
    static final int MAX_QUEUED_CHARS = 1 << 18;

    private static final Logger LOG = Logger.getLogger(SpeakStream.class);
    private static final ObjectReader JSON = new ObjectMapper().reader();

    private enum State { CONNECTING, OPEN, CLOSED }

    private final StreamLoop loop;
    private final Supplier<Future<WebSocket>> connector;
    private final GuardedSynthesisListener listener;
    private final ArrayDeque<String> queued = new ArrayDeque<>();
    private int queuedChars;
    private int clearsUnanswered;
    private State state = State.CONNECTING;
    private WebSocket socket;

    SpeakStream(StreamLoop loop, GuardedSynthesisListener listener, Supplier<Future<WebSocket>> connector) {
        this.loop = loop;
        this.listener = listener;
        this.connector = connector;
    }

    void start() {
        loop.later(() -> connector.get().onComplete(result -> {
            if (result.succeeded()) {
                opened(result.result());
            } else {
                fail(UpgradeFailure.of(result.cause()).reason());
            }
        }));
    }

    /** Fails the stream at once, as Deepgram cannot be used. */
    void refuse(String reason) {
        loop.later(() -> fail(reason));
    }

    @Override
    public void speak(String text) {
        if (text != null && !text.isEmpty()) {
            String message = JsonNodeFactory.instance.objectNode().put("type", "Speak").put("text", text).toString();
            loop.execute(() -> send(message));
        }
    }

    @Override
    public void flush() {
        loop.execute(() -> send(FLUSH));
    }

    @Override
    public void clear() {
        loop.execute(() -> {
            if (state == State.CONNECTING) {
                queued.clear();
                queuedChars = 0;
            }
            if (state != State.CLOSED) {
                clearsUnanswered++;
                send(CLEAR);
            }
        });
    }

    @Override
    public void close() {
        loop.execute(() -> {
            listener.stop();
            if (state == State.OPEN) {
                socket.writeTextMessage(CLOSE, null);
                socket.close();
            }
            finish();
        });
    }

    private void send(String message) {
        if (state == State.OPEN) {
            socket.writeTextMessage(message, null);
        } else if (state == State.CONNECTING) {
            queuedChars += message.length();
            queued.add(message);
            if (queuedChars > MAX_QUEUED_CHARS) {
                fail("more than " + MAX_QUEUED_CHARS + " characters of text waited for Deepgram to accept the stream");
            }
        }
    }

    private void opened(WebSocket opened) {
        if (state != State.CONNECTING) {
            opened.close();
            return;
        }
        socket = opened;
        state = State.OPEN;
        opened.binaryMessageHandler(this::audio);
        opened.textMessageHandler(this::message);
        opened.closeHandler(ignored -> closed(opened));
        opened.exceptionHandler(error -> LOG.debugf("Deepgram speak socket: %s", error.getMessage()));
        while (!queued.isEmpty()) {
            opened.writeTextMessage(queued.poll(), null);
        }
        queuedChars = 0;
        listener.onReady();
    }

    private void audio(Buffer audio) {
        if (state == State.OPEN && clearsUnanswered == 0) {
            listener.onAudio(audio.getBytes());
        }
    }

    private void message(String text) {
        String type;
        try {
            type = JSON.readTree(text).path("type").asText("");
        } catch (IOException e) {
            LOG.debugf("Deepgram sent a message that is not JSON: %s", e.getMessage());
            return;
        }
        switch (type) {
            case "Flushed" -> {
                if (clearsUnanswered == 0) {
                    listener.onFlushed();
                }
            }
            case "Cleared" -> {
                clearsUnanswered = Math.max(0, clearsUnanswered - 1);
                listener.onCleared();
            }
            case "Warning" -> LOG.debugf("Deepgram speak warning: %s", text);
            case "Metadata" -> {
                // model and request id: nothing to act on
            }
            default -> LOG.debugf("Deepgram speak sent an unknown message type %s", type);
        }
    }

    private void closed(WebSocket closed) {
        if (closed == socket && state == State.OPEN) {
            fail("Deepgram speech stream " + SocketEnd.of(closed));
        }
    }

    private void fail(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        LOG.warnf("Deepgram text-to-speech failed: %s", reason);
        WebSocket open = socket;
        finish();
        if (open != null) {
            open.close();
        }
        listener.onFailure(reason);
    }

    private void finish() {
        state = State.CLOSED;
        socket = null;
        queued.clear();
        queuedChars = 0;
    }
}

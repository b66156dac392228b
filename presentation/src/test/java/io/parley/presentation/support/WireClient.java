package io.parley.presentation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket client for wire-level tests of the fake providers: it queues text frames (as JSON)
 * and binary frames in arrival order, and records the close code and reason the server sent
 * (code -1 when the connection died without a close frame).
 */
public final class WireClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One frame received: {@code json} for text, {@code binary} for audio; when it arrived ({@link System#nanoTime}). */
    public record Frame(JsonNode json, byte[] binary, long arrivedNanos) {
        public boolean isText() {
            return json != null;
        }

        public String type() {
            return json == null ? "binary" : json.path("type").asText();
        }
    }

    /** How the server ended the connection. */
    public record Close(int code, String reason) {
    }

    private final WebSocket socket;
    private final BlockingQueue<Frame> frames;
    private final CompletableFuture<Close> closed;

    private WireClient(WebSocket socket, BlockingQueue<Frame> frames, CompletableFuture<Close> closed) {
        this.socket = socket;
        this.frames = frames;
        this.closed = closed;
    }

    /** Connects with these headers; throws {@link Refused} with the HTTP status and headers if refused. */
    public static WireClient connect(URI uri, Map<String, String> headers) {
        BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Close> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        try {
            return new WireClient(builder.buildAsync(uri, new Listener(frames, closed)).join(), frames, closed);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode(), refused.getResponse().headers());
            }
            throw e;
        }
    }

    /** Sends a text frame; safe from several threads (the JDK socket takes one send at a time). */
    public synchronized void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public synchronized void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next frame within the timeout, or null. */
    public Frame next(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next text frame of this type, skipping others; fails the test when none comes in time. */
    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = next(Duration.ofMillis(50));
            if (frame != null && type.equals(frame.type())) {
                return frame.json();
            }
        }
        throw new AssertionError("no " + type + " frame within " + timeout);
    }

    /** How the server closed, failing the test when it does not within the timeout. */
    public Close awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("not closed by the server within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone() && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
            try {
                closed.get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }

    /** The server refused the upgrade. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final transient HttpHeaders headers;

        Refused(int status, HttpHeaders headers) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
            this.headers = headers;
        }

        public int status() {
            return status;
        }

        public HttpHeaders headers() {
            return headers;
        }
    }

    /** Reassembles frames that arrive in parts and queues them; calls arrive one at a time. */
    private static final class Listener implements WebSocket.Listener {

        private final BlockingQueue<Frame> frames;
        private final CompletableFuture<Close> closed;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Listener(BlockingQueue<Frame> frames, CompletableFuture<Close> closed) {
            this.frames = frames;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    frames.add(new Frame(JSON.readTree(text.toString()), null, System.nanoTime()));
                } catch (Exception e) {
                    frames.add(new Frame(JSON.createObjectNode().put("type", "unparseable").put("raw", text.toString()),
                            null, System.nanoTime()));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                frames.add(new Frame(null, binary.toByteArray(), System.nanoTime()));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Close(-1, String.valueOf(error)));
        }
    }
}

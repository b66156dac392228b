package io.parley.presentation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
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

/** A real WebSocket client (the JDK's) that queues incoming JSON frames and records the close code. */
public final class SocketClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The welcome frame, for callers that keep it. */
    public JsonNode welcome;

    private final WebSocket socket;
    private final BlockingQueue<Received> frames;
    private final CompletableFuture<Integer> closeCode;

    private SocketClient(WebSocket socket, BlockingQueue<Received> frames, CompletableFuture<Integer> closeCode) {
        this.socket = socket;
        this.frames = frames;
        this.closeCode = closeCode;
    }

    /** Connects with the given headers; throws {@link HandshakeRefused} with the HTTP status when refused. */
    public static SocketClient connect(URI uri, Map<String, String> headers) {
        return connect(uri, headers, Integer.MAX_VALUE);
    }

    /** Connects, but stops reading from the network after {@code reads} frames: a client that cannot keep up. */
    public static SocketClient connect(URI uri, Map<String, String> headers, int reads) {
        BlockingQueue<Received> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(uri, new Listener(frames, closeCode, reads)).join();
            return new SocketClient(socket, frames, closeCode);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next frame, failing the test when none arrives in 5 seconds. */
    public JsonNode next() {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                Received frame = frames.poll(50, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    return frame.json();
                }
                if (closeCode.isDone() && frames.isEmpty()) {
                    throw new AssertionError("socket closed with " + closeCode.join() + " before the next frame");
                }
            }
            throw new AssertionError("no frame within 5 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame exactly as it came over the wire, failing the test when none arrives in 5 seconds. */
    public String nextRaw() {
        try {
            Received frame = frames.poll(5, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 5 s");
            }
            return frame.raw();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame within the timeout, or null. */
    public JsonNode nextOrNull(Duration timeout) {
        try {
            Received frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return frame == null ? null : frame.json();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Drops every frame received so far. */
    public void drain() {
        frames.clear();
    }

    /** Waits up to {@code timeout} for the next frame of the given type, skipping others. */
    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = nextOrNull(Duration.ofMillis(100));
            if (frame != null && type.equals(frame.path("type").asText())) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame within " + timeout);
    }

    /** Runs the action, then returns the next frame. */
    public JsonNode next(Runnable action) {
        action.run();
        return next();
    }

    /** Waits for the next frame of the given type, skipping others. */
    public JsonNode nextOfType(String type) {
        for (int i = 0; i < 1000; i++) {
            JsonNode frame = next();
            if (type.equals(frame.path("type").asText())) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame");
    }

    /** The close code the server sent, waiting up to 5 seconds. */
    public int awaitClose() {
        try {
            return closeCode.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed by the server within 5 s", e);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        close(WebSocket.NORMAL_CLOSURE, "bye");
    }

    /** Closes with this code and reason, waiting up to 2 seconds for the server's close frame. */
    public void close(int code, String reason) {
        if (!closeCode.isDone() && !socket.isOutputClosed()) {
            socket.sendClose(code, reason).exceptionally(e -> null);
            try {
                closeCode.get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }

    /** A text frame: as it came, and parsed. */
    private record Received(String raw, JsonNode json) {
    }

    /** The server refused the upgrade with this HTTP status. */
    public static final class HandshakeRefused extends RuntimeException {
        private final int status;

        HandshakeRefused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Collects text frames (which may arrive in parts) and the close code; calls arrive one at a time. */
    private static final class Listener implements WebSocket.Listener {

        private final BlockingQueue<Received> frames;
        private final CompletableFuture<Integer> closeCode;
        private final StringBuilder partial = new StringBuilder();
        private int readsLeft;

        Listener(BlockingQueue<Received> frames, CompletableFuture<Integer> closeCode, int reads) {
            this.frames = frames;
            this.closeCode = closeCode;
            this.readsLeft = reads;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    frames.add(new Received(text, JSON.readTree(text)));
                } catch (Exception e) {
                    frames.add(new Received(text, JSON.createObjectNode().put("type", "unparseable").put("raw", text)));
                }
            }
            if (--readsLeft > 0) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}

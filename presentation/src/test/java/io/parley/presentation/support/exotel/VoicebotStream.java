package io.parley.presentation.support.exotel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.presentation.support.AudioPacer;
import io.parley.presentation.support.WireClient.Close;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Exotel's end of one voicebot WebSocket: it sends the caller's side in real time, in {@link #CHUNK} chunks
 * as Exotel does, and plays Parley's side through {@link ExotelPlayback}, recording every message, payload
 * and mark.
 */
public final class VoicebotStream implements AutoCloseable {

    /** How much caller audio each media event carries: Exotel sends audio about every 100 ms. */
    public static final Duration CHUNK = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A text frame from Parley ({@code json} missing if not JSON) and when it came ({@link System#nanoTime}). */
    public record ServerMessage(String text, JsonNode json, long arrivedNanos) {
        public String event() {
            return json.path("event").asText();
        }
    }

    /** A mark echoed back to Parley, and when ({@link System#nanoTime}). */
    public record EchoedMark(String name, long atNanos) {
    }

    /** Parley refused the upgrade with this HTTP status. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Vertx vertx;
    private final ClientWebSocket socket;
    private final ExotelMessages messages;
    private final String streamSid;
    private final int sampleRate;
    private final ExotelPlayback playback;
    private final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private long openedNanos;
    private long sequence;
    private long chunk;

    private VoicebotStream(Vertx vertx, ExotelMessages messages, String streamSid, int sampleRate) {
        this.vertx = vertx;
        this.socket = vertx.createWebSocketClient().webSocket();
        this.messages = messages;
        this.streamSid = streamSid;
        this.sampleRate = sampleRate;
        this.playback = new ExotelPlayback(vertx, sampleRate,
                name -> sendNumbered(number -> messages.mark(number, name)));
        socket.textMessageHandler(this::onText);
        socket.closeHandler(ignored -> onClose());
    }

    /** Upgrades to {@code uri} with these headers; throws {@link Refused} when Parley answers with anything but 101. */
    static VoicebotStream open(String uri, Map<String, String> headers, ExotelMessages messages, String streamSid,
            int sampleRate) {
        VoicebotStream stream = new VoicebotStream(Vertx.vertx(), messages, streamSid, sampleRate);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(uri);
        headers.forEach(options::addHeader);
        try {
            await(stream.socket.connect(options));
        } catch (RuntimeException e) {
            await(stream.vertx.close());
            throw e.getCause() instanceof UpgradeRejectedException refused ? new Refused(refused.getStatus()) : e;
        }
        stream.openedNanos = System.nanoTime();
        return stream;
    }

    /** {@code connected}, the first event Exotel sends. */
    public void connected() {
        send(ExotelMessages.connected());
    }

    /** {@code start} as Exotel sends it for this call. */
    public void start() {
        start(start -> { });
    }

    /** {@code start} with its {@code start} object changed by {@code tweak} (to forge a field). */
    public void start(Consumer<ObjectNode> tweak) {
        sendNumbered(number -> messages.start(number, sampleRate, Map.of(), tweak));
    }

    /**
     * Sends 16-bit PCM at the stream's rate as {@link #CHUNK} media events, one every 100 ms, the last padded
     * with silence; returns when the audio's length has passed, so that the next call's chunks follow on.
     */
    public void speak(byte[] pcm) {
        int chunkBytes = (int) (sampleRate * 2L * CHUNK.toMillis() / 1000);
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < pcm.length; from += chunkBytes) {
            chunks.add(Arrays.copyOfRange(pcm, from, from + chunkBytes));
        }
        long start = System.nanoTime();
        AudioPacer.streamRealTime(this::sendMedia, chunks, CHUNK);
        pauseUntil(start + chunks.size() * CHUNK.toNanos());
    }

    /** The caller is silent for this long (media events of zero samples, in real time). */
    public void silence(Duration length) {
        speak(new byte[(int) (sampleRate * 2L * length.toMillis() / 1000)]);
    }

    /** The caller presses a key: {@code 0-9}, {@code *} or {@code #}. */
    public void dtmf(char digit) {
        sendNumbered(number -> messages.dtmf(number, digit, 250));
    }

    /** One media event with this payload as is (e.g. too large). */
    public void media(byte[] pcm) {
        sendMedia(pcm);
    }

    /** {@code stop}, which Exotel sends when the call ends, before closing the socket. */
    public void stop() {
        sendNumbered(messages::stop);
    }

    /** Any text frame as is, e.g. malformed JSON; it takes no sequence number. */
    public synchronized void send(String text) {
        socket.writeTextMessage(text);
    }

    public String streamSid() {
        return streamSid;
    }

    /** Every text frame Parley sent, in arrival order. */
    public List<ServerMessage> received() {
        return List.copyOf(received);
    }

    /** The decoded payload of every {@code media} event Parley sent, in order. */
    public List<byte[]> payloadsReceived() {
        return received.stream().filter(message -> message.event().equals("media"))
                .map(message -> decode(message.json().path("media").path("payload").asText()).orElse(new byte[0]))
                .toList();
    }

    /** The PCM of every valid {@code media} event, cleared or not. */
    public byte[] audioReceived() {
        return playback.received();
    }

    /** Marks echoed back so far, in order. */
    public List<EchoedMark> marksEchoed() {
        return playback.echoes(System.nanoTime());
    }

    public int clearsReceived() {
        return playback.clears();
    }

    /** How the socket closed (1006 when without a close frame); fails the test when it does not in time. */
    public Close awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the voicebot stream did not close within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Closes the socket normally, as Exotel does when the call ends, and releases the client. */
    @Override
    public void close() {
        try {
            if (!closed.isDone()) {
                await(socket.close((short) 1000));
            }
        } finally {
            await(vertx.close());
        }
    }

    private synchronized void sendNumbered(LongFunction<String> message) {
        send(message.apply(++sequence));
    }

    private synchronized void sendMedia(byte[] pcm) {
        long timestamp = (System.nanoTime() - openedNanos) / 1_000_000;
        sendNumbered(number -> messages.media(number, ++chunk, timestamp, pcm));
    }

    private static void pauseUntil(long dueNanos) {
        for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Records every message; plays only those for this stream, as Exotel routes them by {@code stream_sid}. */
    private void onText(String text) {
        long now = System.nanoTime();
        JsonNode json = parse(text);
        received.add(new ServerMessage(text, json, now));
        if (!streamSid.equals(json.path("stream_sid").asText())) {
            return;
        }
        switch (json.path("event").asText()) {
            case "media" -> decode(json.path("media").path("payload").asText())
                    .ifPresent(audio -> playback.media(audio, now));
            case "mark" -> playback.mark(json.path("mark").path("name").asText(), now);
            case "clear" -> playback.clear(now);
            default -> {
            }
        }
    }

    private void onClose() {
        playback.halt(System.nanoTime());
        Short code = socket.closeStatusCode();
        closed.complete(new Close(code == null ? 1006 : code, socket.closeReason()));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.parley.presentation.support.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.AudioPacer;
import io.parley.presentation.support.WireClient.Close;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
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
import java.util.function.LongFunction;

/**
 * Twilio's end of one {@code <Connect><Stream>} WebSocket: it sends the caller's side in real time
 * and plays Parley's side through {@link Playback}, recording every message, byte and mark.
 */
public final class MediaStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** 20 ms of 8 kHz mu-law, the size of every media frame Twilio sends. */
    private static final int FRAME_BYTES = 160;
    private static final byte MULAW_SILENCE = (byte) 0xFF;

    /** A text frame from Parley ({@code json} is missing when it is not JSON) and when it arrived ({@link System#nanoTime}). */
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
    private final TwilioMessages messages;
    private final String streamSid;
    private final Map<String, String> twimlParameters;
    private final Playback playback;
    private final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private long openedNanos;
    private long sequence;
    private long chunk;

    private MediaStream(Vertx vertx, TwilioMessages messages, String streamSid, Map<String, String> twimlParameters) {
        this.vertx = vertx;
        this.socket = vertx.createWebSocketClient().webSocket();
        this.messages = messages;
        this.streamSid = streamSid;
        this.twimlParameters = Map.copyOf(twimlParameters);
        this.playback = new Playback(vertx, name -> sendNumbered(number -> messages.mark(number, name)));
        socket.textMessageHandler(this::onText);
        socket.closeHandler(ignored -> onClose());
    }

    /**
     * Upgrades to {@code local} with this {@code X-Twilio-Signature} (none when null); throws
     * {@link Refused} when Parley answers with anything but 101.
     */
    static MediaStream open(URI local, String signature, TwilioMessages messages, String streamSid,
            Map<String, String> twimlParameters) {
        MediaStream stream = new MediaStream(Vertx.vertx(), messages, streamSid, twimlParameters);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(local.toString());
        if (signature != null) {
            options.addHeader(TwilioSignatures.HEADER, signature);
        }
        try {
            await(stream.socket.connect(options));
        } catch (RuntimeException e) {
            await(stream.vertx.close());
            throw e.getCause() instanceof UpgradeRejectedException refused ? new Refused(refused.getStatus()) : e;
        }
        stream.openedNanos = System.nanoTime();
        return stream;
    }

    /** {@code connected}, the first message Twilio sends; it has no sequence number. */
    public void connected() {
        send(TwilioMessages.connected());
    }

    /** {@code start} with the TwiML's {@code <Parameter>}s as custom parameters, as Twilio sends them. */
    public void start() {
        start(twimlParameters);
    }

    /** {@code start} with these custom parameters instead (to forge or omit a token). */
    public void start(Map<String, String> customParameters) {
        sendNumbered(number -> messages.start(number, customParameters));
    }

    /** The caller says this 8 kHz mu-law recording (see {@link #speak(byte[])}). */
    public void speak(AudioFixture audio) {
        if (audio.encoding() != AudioEncoding.MULAW || audio.sampleRate() != 8000) {
            throw new IllegalArgumentException("Twilio streams 8 kHz mu-law, not " + audio.encoding() + " at "
                    + audio.sampleRate() + " Hz");
        }
        speak(audio.bytes());
    }

    /**
     * Sends 8 kHz mu-law as 160-byte media frames, one every 20 ms, the last padded with silence;
     * returns when the audio's length has passed, so that the next call's frames follow on 20 ms later.
     */
    public void speak(byte[] mulaw) {
        List<byte[]> frames = new ArrayList<>();
        for (int from = 0; from < mulaw.length; from += FRAME_BYTES) {
            byte[] frame = Arrays.copyOfRange(mulaw, from, from + FRAME_BYTES);
            Arrays.fill(frame, Math.min(FRAME_BYTES, mulaw.length - from), FRAME_BYTES, MULAW_SILENCE);
            frames.add(frame);
        }
        long start = System.nanoTime();
        AudioPacer.streamRealTime(this::sendMedia, frames, AudioFixture.FRAME);
        pauseUntil(start + frames.size() * AudioFixture.FRAME.toNanos());
    }

    /** The caller is silent for this long (media frames of mu-law silence, in real time). */
    public void silence(Duration length) {
        speak(AudioFixture.silence(AudioEncoding.MULAW, 8000, length));
    }

    /** The caller presses a key: {@code 0-9}, {@code *} or {@code #}. */
    public void dtmf(char digit) {
        sendNumbered(number -> messages.dtmf(number, digit));
    }

    /** {@code stop}, which Twilio sends when the call ends, before closing the socket. */
    public void stop() {
        sendNumbered(number -> messages.stop(number));
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

    /** The mu-law of every valid {@code media} message, cleared or not. */
    public byte[] audioReceived() {
        return playback.received();
    }

    /** The mu-law the caller has heard so far: received audio that has played and was not cleared. */
    public byte[] audioPlayed() {
        return playback.played(System.nanoTime());
    }

    /** Marks echoed back so far, in order. */
    public List<EchoedMark> marksEchoed() {
        return playback.echoes(System.nanoTime());
    }

    public int clearsReceived() {
        return playback.clears();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** How the socket closed (1006 when without a close frame); fails the test when it does not in time. */
    public Close awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the media stream did not close within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Closes the socket normally, as Twilio does when the call ends, and releases the client. */
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

    private synchronized void sendMedia(byte[] frame) {
        long timestamp = (System.nanoTime() - openedNanos) / 1_000_000;
        sendNumbered(number -> messages.media(number, ++chunk, timestamp, frame));
    }

    private static void pauseUntil(long dueNanos) {
        for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Records every message; plays only those for this stream, as Twilio routes them by {@code streamSid}. */
    private void onText(String text) {
        long now = System.nanoTime();
        JsonNode json = parse(text);
        received.add(new ServerMessage(text, json, now));
        if (!streamSid.equals(json.path("streamSid").asText())) {
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

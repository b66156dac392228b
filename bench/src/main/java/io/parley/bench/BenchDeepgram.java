package io.parley.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The Deepgram stand-in the voice benchmark runs Parley against: {@code /v1/listen} and
 * {@code /v1/speak} with Deepgram's frames and auth, answering on a fixed schedule instead of
 * recognising speech, and {@code GET /stats} with its byte and event counters.
 *
 * <p>Every {@code turn} of audio received on a listen socket it sends {@code SpeechStarted} (at 1.0 s
 * into the turn), an interim transcript (1.8 s) and a final {@code speech_final} transcript (2.5 s,
 * words 1.0–2.4 s) whose text ends with the {@link System#nanoTime()} (CLOCK_MONOTONIC, shared by every
 * process of the machine) at which it was written, so a client can time final transcript → first
 * agent audio. Each {@code Flush} on a speak socket is answered with {@code flushMs} of audio in the
 * socket's encoding, in 100 ms chunks, then {@code Flushed}. With {@code stamped=160}, each 160-byte
 * frame of audio received is taken to start with the {@link System#nanoTime()} at which the caller sent
 * it (the call load tool writes it there), and the stand-in records frame sent → frame heard here.
 * {@code GET /stats} answers the counters and that latency; {@code GET /stats?reset=true} also
 * restarts the latency histogram. Arguments: port=18095 key=bench-key turn=4000 flushMs=600 stamped=0
 * loops=2 (event loops serving the sockets).
 */
public final class BenchDeepgram {

    private static final long SPEECH_STARTED_MS = 1000;
    private static final long INTERIM_MS = 1800;
    private static final long FINAL_MS = 2500;
    private static final long WORDS_END_MS = 2400;

    private final String key;
    private final long turnMs;
    private final long flushMs;
    private final AtomicLong listenSockets = new AtomicLong();
    private final AtomicLong speakSockets = new AtomicLong();
    private final AtomicLong sttBytes = new AtomicLong();
    private final AtomicLong ttsBytes = new AtomicLong();
    private final AtomicLong finals = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicLong clears = new AtomicLong();
    private final ConcurrentHistogram inbound = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final int stampedFrame;

    private BenchDeepgram(String key, long turnMs, long flushMs, int stampedFrame) {
        this.key = key;
        this.stampedFrame = stampedFrame;
        this.turnMs = turnMs;
        this.flushMs = flushMs;
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        BenchDeepgram server = new BenchDeepgram(args.get("key", "bench-key"), args.getLong("turn", 4000),
                args.getLong("flushMs", 600), (int) args.getLong("stamped", 0));
        int port = (int) args.getLong("port", 18095);
        int loops = (int) args.getLong("loops", 2);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        for (int i = 0; i < loops; i++) {
            // one server per event loop on the same port: Vert.x spreads the connections over them
            vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(262144)
                            .setMaxWebSocketMessageSize(262144))
                    .webSocketHandler(server::accept)
                    .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
                            .end(server.stats("true".equals(request.getParam("reset"))).encode()))
                    .listen(port, "127.0.0.1")
                    .onSuccess(s -> System.out.println("bench deepgram listening on " + port))
                    .onFailure(e -> {
                        e.printStackTrace();
                        System.exit(1);
                    });
        }
    }

    private JsonObject stats(boolean reset) {
        JsonObject stats = new JsonObject().put("listenSockets", listenSockets.get())
                .put("speakSockets", speakSockets.get()).put("sttBytes", sttBytes.get()).put("ttsBytes", ttsBytes.get())
                .put("finals", finals.get()).put("flushes", flushes.get()).put("clears", clears.get())
                .put("inboundFrames", inbound.getTotalCount())
                .put("inboundP50Ms", inbound.getValueAtPercentile(50) / 1e6)
                .put("inboundP99Ms", inbound.getValueAtPercentile(99) / 1e6)
                .put("inboundP999Ms", inbound.getValueAtPercentile(99.9) / 1e6)
                .put("inboundMaxMs", inbound.getMaxValue() / 1e6);
        if (reset) {
            inbound.reset();
        }
        return stats;
    }

    private void accept(ServerWebSocket socket) {
        if (!("Token " + key).equals(socket.headers().get("Authorization"))) {
            socket.reject(401);
            return;
        }
        Query query = Query.of(socket.uri());
        int bytesPerSecond = Integer.parseInt(query.get("sample_rate", "16000"))
                * ("mulaw".equals(query.get("encoding", "linear16")) ? 1 : 2);
        if (socket.path().equals("/v1/listen")) {
            listenSockets.incrementAndGet();
            new Listen(socket, bytesPerSecond);
        } else if (socket.path().equals("/v1/speak")) {
            speakSockets.incrementAndGet();
            new Speak(socket, bytesPerSecond);
        } else {
            socket.reject(404);
        }
    }

    /** One {@code /v1/listen} socket: counts audio and sends each turn's events when its audio arrives. */
    private final class Listen {
        private final ServerWebSocket socket;
        private final double bytesPerMs;
        private byte[] carry = new byte[0];
        private long bytes;
        private long nextEventMs = SPEECH_STARTED_MS;

        Listen(ServerWebSocket socket, int bytesPerSecond) {
            this.socket = socket;
            this.bytesPerMs = bytesPerSecond / 1000.0;
            socket.binaryMessageHandler(this::onAudio);
            socket.textMessageHandler(this::onControl);
        }

        private void onAudio(Buffer audio) {
            if (stampedFrame > 0) {
                timeFrames(audio);
            }
            bytes += audio.length();
            sttBytes.addAndGet(audio.length());
            long heardMs = (long) (bytes / bytesPerMs);
            while (heardMs >= nextEventMs) {
                long turnStart = nextEventMs / turnMs * turnMs;
                long inTurn = nextEventMs - turnStart;
                if (inTurn == SPEECH_STARTED_MS) {
                    socket.writeTextMessage(new JsonObject().put("type", "SpeechStarted").put("channel", channel())
                            .put("timestamp", turnStart / 1000.0 + 1.0).encode());
                    nextEventMs = turnStart + INTERIM_MS;
                } else if (inTurn == INTERIM_MS) {
                    socket.writeTextMessage(results(turnStart, "bench", false));
                    nextEventMs = turnStart + FINAL_MS;
                } else {
                    socket.writeTextMessage(results(turnStart, "bench turn " + System.nanoTime(), true));
                    finals.incrementAndGet();
                    nextEventMs = turnStart + turnMs + SPEECH_STARTED_MS;
                }
            }
        }

        /** Records, for each whole stamped frame now complete, how long ago its sender stamped it. */
        private void timeFrames(Buffer audio) {
            long now = System.nanoTime();
            byte[] data = audio.getBytes();
            if (carry.length > 0) {
                byte[] joined = Arrays.copyOf(carry, carry.length + data.length);
                System.arraycopy(data, 0, joined, carry.length, data.length);
                data = joined;
            }
            int whole = data.length / stampedFrame * stampedFrame;
            ByteBuffer frames = ByteBuffer.wrap(data);
            for (int at = 0; at < whole; at += stampedFrame) {
                long sent = frames.getLong(at);
                if (sent > 0 && sent <= now) {
                    inbound.recordValue(now - sent);
                }
            }
            carry = Arrays.copyOfRange(data, whole, data.length);
        }

        private void onControl(String text) {
            String type = new JsonObject(text).getString("type", "");
            long turnStart = (long) (bytes / bytesPerMs) / turnMs * turnMs;
            switch (type) {
                case "Finalize" -> socket.writeTextMessage(new JsonObject(results(turnStart, "", true))
                        .put("from_finalize", true).encode());
                case "CloseStream" -> {
                    socket.writeTextMessage(new JsonObject().put("type", "Metadata").put("request_id", "bench")
                            .put("duration", bytes / bytesPerMs / 1000.0).put("channels", 1).encode());
                    socket.close();
                }
                default -> {
                    // KeepAlive: nothing to answer
                }
            }
        }

        private String results(long turnStart, String transcript, boolean isFinal) {
            double wordsStart = (turnStart + SPEECH_STARTED_MS) / 1000.0;
            double wordsEnd = (turnStart + WORDS_END_MS) / 1000.0;
            JsonObject alternative = new JsonObject().put("transcript", transcript).put("confidence", 0.99);
            var words = alternative.put("words", new io.vertx.core.json.JsonArray()).getJsonArray("words");
            String[] parts = transcript.isEmpty() ? new String[0] : transcript.split(" ");
            for (int i = 0; i < parts.length; i++) {
                double start = wordsStart + (wordsEnd - wordsStart) * i / parts.length;
                double end = wordsStart + (wordsEnd - wordsStart) * (i + 1) / parts.length;
                words.add(new JsonObject().put("word", parts[i]).put("start", start).put("end", end)
                        .put("confidence", 0.99));
            }
            return new JsonObject().put("type", "Results").put("channel_index", channel())
                    .put("duration", wordsEnd - wordsStart).put("start", wordsStart).put("is_final", isFinal)
                    .put("speech_final", isFinal)
                    .put("channel", new JsonObject().put("alternatives",
                            new io.vertx.core.json.JsonArray().add(alternative)))
                    .put("metadata", new JsonObject().put("request_id", "bench"))
                    .put("from_finalize", false).encode();
        }

        private io.vertx.core.json.JsonArray channel() {
            return new io.vertx.core.json.JsonArray().add(0).add(1);
        }
    }

    /** One {@code /v1/speak} socket: answers each Flush with a fixed length of audio and Flushed. */
    private final class Speak {
        private final ServerWebSocket socket;
        private final int chunkBytes;
        private final int chunks;
        private int sequence;

        Speak(ServerWebSocket socket, int bytesPerSecond) {
            this.socket = socket;
            this.chunkBytes = bytesPerSecond / 10;
            this.chunks = (int) Math.max(1, flushMs / 100);
            socket.textMessageHandler(this::onText);
        }

        private void onText(String text) {
            String type = new JsonObject(text).getString("type", "");
            switch (type) {
                case "Flush" -> {
                    flushes.incrementAndGet();
                    for (int i = 0; i < chunks; i++) {
                        socket.writeBinaryMessage(Buffer.buffer(new byte[chunkBytes]));
                        ttsBytes.addAndGet(chunkBytes);
                    }
                    socket.writeTextMessage(new JsonObject().put("type", "Flushed").put("sequence_id", sequence++)
                            .encode());
                }
                case "Clear" -> {
                    clears.incrementAndGet();
                    socket.writeTextMessage(new JsonObject().put("type", "Cleared").put("sequence_id", sequence++)
                            .encode());
                }
                case "Close" -> socket.close();
                default -> {
                    // Speak: the text does not change the audio's length
                }
            }
        }
    }
}

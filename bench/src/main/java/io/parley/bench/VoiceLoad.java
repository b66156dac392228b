package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Voice load generator: opens {@code sessions} voice sessions on one Parley node, each streaming
 * 20 ms linear16 frames in real time, and measures Parley's own share of a turn — the final
 * transcript leaving (the {@link BenchDeepgram} stamps its send time into the text) to the first
 * agent audio frame arriving — the gaps between agent audio frames, the audio bytes Parley lost each
 * way (client → Deepgram, Deepgram → client, from the stand-in's counters), and the node's CPU and
 * live heap per session.
 *
 * <p>Arguments are key=value: http=http://host:port, ws=ws://host:port, apiKey=..., deepgram=
 * http://host:port (the stand-in's stats), sessions=200, seconds=60, warmup=10, rate=16000,
 * turn=4000 (the stand-in's turn length; session starts are spread over one turn), connecting=16 (sessions
 * starting at once), pid=..., label=...
 */
public final class VoiceLoad {

    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Args args;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(100_000).setMaxFrameSize(262144).setMaxMessageSize(262144).setConnectTimeout(20_000));
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(16));
    private final ConcurrentHistogram overhead = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final ConcurrentHistogram gaps = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong turns = new AtomicLong();
    private final AtomicLong clears = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong unexpectedCloses = new AtomicLong();
    private final int frameBytes;
    private volatile boolean measuring;
    private volatile boolean stopping;

    private VoiceLoad(Args args) {
        this.args = args;
        this.frameBytes = (int) (args.getLong("rate", 16000) * 2 / 50);
    }

    public static void main(String[] argv) {
        try {
            new VoiceLoad(Args.parse(argv)).run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        int count = (int) args.getLong("sessions", 200);
        String pid = args.get("pid", "");
        long heapBefore = pid.isEmpty() ? -1 : ProcessMemory.liveHeapKb(pid);
        JsonObject deepgramBefore = deepgramStats();
        Tokens tokens = new Tokens(http, args.get("http", "http://127.0.0.1:8080"), args.get("apiKey", ""));
        List<Session> sessions = new ArrayList<>();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        long spreadNanos = TimeUnit.MILLISECONDS.toNanos(args.getLong("turn", 4000)) / Math.max(1, count);
        Semaphore connecting = new Semaphore((int) args.getLong("connecting", 16));
        for (int i = 0; i < count; i++) {
            Session session = new Session("voice-" + i + "-" + args.get("label", "x"));
            sessions.add(session);
            connecting.acquire();
            started.add(session.start(tokens, i * spreadNanos).whenComplete((v, e) -> connecting.release()));
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        System.out.printf("%d voice sessions started%n", count);

        Thread.sleep(args.getLong("warmup", 10) * 1000);
        overhead.reset();
        gaps.reset();
        long turns0 = turns.get();
        long cpu0 = pid.isEmpty() ? -1 : ProcessMemory.cpuMillis(pid);
        long start = System.nanoTime();
        measuring = true;
        Thread.sleep(args.getLong("seconds", 60) * 1000);
        measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu1 = pid.isEmpty() ? -1 : ProcessMemory.cpuMillis(pid);
        long heapDuring = pid.isEmpty() ? -1 : ProcessMemory.liveHeapKb(pid);
        long measuredTurns = turns.get() - turns0;

        stopping = true;
        Thread.sleep(3000);
        JsonObject deepgramAfter = deepgramStats();
        long inLost = deepgramAfter.getLong("sttBytes") - deepgramBefore.getLong("sttBytes") - bytesSent.get();
        long outLost = deepgramAfter.getLong("ttsBytes") - deepgramBefore.getLong("ttsBytes") - bytesReceived.get();
        sessions.forEach(Session::stop);
        Thread.sleep(1000);

        double cpuCores = (cpu1 - cpu0) / 1000.0 / elapsed;
        System.out.printf("RESULT label=%s sessions=%d seconds=%.0f turns=%d overhead p50=%.2fms p99=%.2fms "
                        + "p999=%.2fms max=%.2fms audioGap p50=%.1fms p99=%.1fms max=%.1fms "
                        + "audioIn sent=%dB lost=%dB (%d frames) audioOut sent=%dB lost=%dB (%d frames) "
                        + "clears=%d errors=%d closes=%d cpu=%.1f%% of a core (%.2f%% per session) "
                        + "liveHeap before=%dKB during=%dKB (%.1f KB per session)%n",
                args.get("label", "-"), count, elapsed, measuredTurns, ms(overhead.getValueAtPercentile(50)),
                ms(overhead.getValueAtPercentile(99)), ms(overhead.getValueAtPercentile(99.9)),
                ms(overhead.getMaxValue()), ms(gaps.getValueAtPercentile(50)), ms(gaps.getValueAtPercentile(99)),
                ms(gaps.getMaxValue()), bytesSent.get(), -inLost, -inLost / frameBytes,
                bytesReceived.get() + outLost, outLost, outLost / frameBytes, clears.get(), errors.get(),
                unexpectedCloses.get(), cpuCores * 100, cpuCores * 100 / count, heapBefore, heapDuring,
                (heapDuring - heapBefore) / (double) count);
    }

    private JsonObject deepgramStats() throws Exception {
        URI base = URI.create(args.get("deepgram", "http://127.0.0.1:18095"));
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                        .setPort(base.getPort()).setURI("/stats"))
                .compose(request -> request.send().compose(response -> response.body()))
                .map(body -> new JsonObject(body)).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One client: a socket with a voice session that streams silence in real time and times each answer. */
    private final class Session {
        private final String peer;
        private final CompletableFuture<Void> started = new CompletableFuture<>();
        private WebSocket socket;
        private long streamStart;
        private long framesSent;
        private long finalSentAt;
        private long lastAudioAt;
        private boolean awaitingFirstAudio;

        Session(String peer) {
            this.peer = peer;
        }

        CompletableFuture<Void> start(Tokens tokens, long delayNanos) {
            URI ws = URI.create(args.get("ws", "ws://127.0.0.1:8080"));
            tokens.token(peer)
                    .compose(token -> sockets.connect(new WebSocketConnectOptions().setHost(ws.getHost())
                            .setPort(ws.getPort()).setURI("/ws/v1/signal/" + peer + "?access_token=" + token)))
                    .onSuccess(opened -> {
                        socket = opened;
                        socket.textMessageHandler(this::onText);
                        socket.binaryMessageHandler(this::onAudio);
                        socket.closeHandler(v -> onClosed());
                        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos)),
                                id -> socket.writeTextMessage(new JsonObject().put("type", "voice.start")
                                        .put("id", "v").put("encoding", "linear16")
                                        .put("sampleRate", args.getLong("rate", 16000)).encode()));
                    })
                    .onFailure(started::completeExceptionally);
            return started;
        }

        void stop() {
            if (socket != null && !socket.isClosed()) {
                socket.writeTextMessage("{\"type\":\"voice.stop\",\"id\":\"stop\"}");
                vertx.setTimer(500, id -> socket.close());
            }
        }

        private void onText(String text) {
            JsonObject frame = new JsonObject(text);
            switch (frame.getString("type", "")) {
                case "voice.started" -> {
                    streamStart = System.nanoTime();
                    vertx.setPeriodic(20, this::sendDue);
                    started.complete(null);
                }
                case "transcript" -> {
                    String words = frame.getString("text", "");
                    if (frame.getBoolean("final", false) && words.startsWith("bench turn ")) {
                        finalSentAt = Long.parseLong(words.substring(words.lastIndexOf(' ') + 1));
                        awaitingFirstAudio = true;
                    }
                }
                case "audio.start" -> lastAudioAt = 0;
                case "audio.clear" -> clears.incrementAndGet();
                case "error" -> {
                    if (errors.incrementAndGet() <= 3) {
                        System.out.println("server error: " + text);
                    }
                    if (!started.isDone()) {
                        started.completeExceptionally(new IllegalStateException(peer + ": " + text));
                    }
                }
                default -> {
                    // welcome, response.delta, response, audio.end, voice.stopped: not timed
                }
            }
        }

        private void onAudio(Buffer audio) {
            long now = System.nanoTime();
            bytesReceived.addAndGet(audio.length());
            if (awaitingFirstAudio) {
                awaitingFirstAudio = false;
                turns.incrementAndGet();
                if (measuring) {
                    overhead.recordValue(Math.max(0, now - finalSentAt));
                }
            } else if (lastAudioAt != 0 && measuring) {
                gaps.recordValue(now - lastAudioAt);
            }
            lastAudioAt = now;
        }

        private void sendDue(long timer) {
            if (stopping || socket.isClosed()) {
                vertx.cancelTimer(timer);
                return;
            }
            long due = (System.nanoTime() - streamStart) / FRAME_NANOS + 1;
            for (; framesSent < due; framesSent++) {
                socket.writeBinaryMessage(Buffer.buffer(new byte[frameBytes]));
                bytesSent.addAndGet(frameBytes);
            }
        }

        private void onClosed() {
            if (!stopping) {
                unexpectedCloses.incrementAndGet();
                System.out.println(peer + " closed: " + socket.closeStatusCode() + " " + socket.closeReason());
            }
            if (!started.isDone()) {
                started.completeExceptionally(new IllegalStateException(peer + " closed before voice.started"));
            }
        }
    }
}

package io.parley.bench;

import io.parley.application.telephony.TwilioSignature;
import io.parley.core.telephony.Secret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
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
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Phone-call load generator, playing Twilio: for each call the signed voice webhook, then the signed
 * media stream ({@code connected}, {@code start} with the TwiML's call token, a 160-byte μ-law
 * {@code media} frame every 20 ms in real time, marks echoed back). Each frame starts with the
 * {@link System#nanoTime()} it was sent at; the {@link BenchDeepgram} stand-in (run with
 * {@code stamped=160}) records frame sent → heard by Deepgram, which is Parley's inbound frame
 * handling plus two loopback hops. Reports that latency, frames lost, and the node's CPU and live
 * heap per call.
 *
 * <p>Arguments are key=value: http=http://host:port (where Parley listens and its public base URL),
 * deepgram=http://host:port (the stand-in's stats), accountSid=, authToken=, number= (the tenant's
 * Twilio settings), calls=300, seconds=60, warmup=10, connecting=16, pid=, heap=true (false: the server at pid
 * is not a JVM, report its CPU only), label=.
 */
public final class CallLoad {

    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int FRAME_BYTES = 160;
    private static final Pattern CALL_TOKEN = Pattern.compile("name=\"callToken\" value=\"([^\"]+)\"");
    private static final byte MULAW_SILENCE = (byte) 0xFF;

    private final Args args;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(100_000).setConnectTimeout(20_000));
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(16));
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong audioReceived = new AtomicLong();
    private final AtomicLong clears = new AtomicLong();
    private final AtomicLong unexpectedCloses = new AtomicLong();
    private final URI base;
    private final Secret authToken;
    private volatile boolean stopping;

    private CallLoad(Args args) {
        this.args = args;
        this.base = URI.create(args.get("http", "http://127.0.0.1:18080"));
        this.authToken = new Secret(args.get("authToken", ""));
    }

    public static void main(String[] argv) {
        try {
            new CallLoad(Args.parse(argv)).run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        int count = (int) args.getLong("calls", 300);
        String pid = args.get("pid", "");
        boolean jvm = !pid.isEmpty() && Boolean.parseBoolean(args.get("heap", "true"));
        long heapBefore = jvm ? ProcessMemory.liveHeapKb(pid) : -1;
        JsonObject deepgramBefore = deepgramStats(false);
        List<Call> calls = new ArrayList<>();
        List<CompletableFuture<Void>> streaming = new ArrayList<>();
        Semaphore connecting = new Semaphore((int) args.getLong("connecting", 16));
        long spreadMillis = 4000 / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            Call call = new Call(i * spreadMillis);
            calls.add(call);
            connecting.acquire();
            streaming.add(call.place().whenComplete((v, e) -> connecting.release()));
        }
        CompletableFuture.allOf(streaming.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        System.out.printf("%d calls streaming%n", count);

        Thread.sleep(args.getLong("warmup", 10) * 1000);
        JsonObject windowStart = deepgramStats(true);
        long sent0 = framesSent.get();
        long cpu0 = pid.isEmpty() ? -1 : ProcessMemory.cpuMillis(pid);
        long start = System.nanoTime();
        Thread.sleep(args.getLong("seconds", 60) * 1000);
        double elapsed = (System.nanoTime() - start) / 1e9;
        JsonObject window = deepgramStats(false);
        long sentInWindow = framesSent.get() - sent0;
        long lostInWindow = sentInWindow
                - (window.getLong("sttBytes") - windowStart.getLong("sttBytes")) / FRAME_BYTES;
        long cpu1 = pid.isEmpty() ? -1 : ProcessMemory.cpuMillis(pid);
        long heapDuring = jvm ? ProcessMemory.liveHeapKb(pid) : -1;

        stopping = true;
        Thread.sleep(3000);
        JsonObject deepgramAfter = deepgramStats(false);
        long heardBytes = deepgramAfter.getLong("sttBytes") - deepgramBefore.getLong("sttBytes");
        long lostFrames = framesSent.get() - heardBytes / FRAME_BYTES;
        calls.forEach(Call::hangUp);
        Thread.sleep(1000);

        double cores = (cpu1 - cpu0) / 1000.0 / elapsed;
        System.out.printf("RESULT label=%s calls=%d seconds=%.0f inbound frames=%d p50=%.2fms p99=%.2fms "
                        + "p999=%.2fms max=%.2fms framesSent=%d framesLost=%d (in the window: %d of %d) "
                        + "agentAudio=%dB clears=%d closes=%d "
                        + "cpu=%.1f%% of a core (%.3f%% per call) liveHeap before=%dKB during=%dKB (%.1f KB per call)%n",
                args.get("label", "-"), count, elapsed, window.getLong("inboundFrames"),
                window.getDouble("inboundP50Ms"), window.getDouble("inboundP99Ms"), window.getDouble("inboundP999Ms"),
                window.getDouble("inboundMaxMs"), framesSent.get(), lostFrames, lostInWindow, sentInWindow,
                audioReceived.get(), clears.get(),
                unexpectedCloses.get(), cores * 100, cores * 100 / count, heapBefore, heapDuring,
                (heapDuring - heapBefore) / (double) count);
    }

    private JsonObject deepgramStats(boolean reset) throws Exception {
        URI stats = URI.create(args.get("deepgram", "http://127.0.0.1:18095"));
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(stats.getHost())
                        .setPort(stats.getPort()).setURI("/stats" + (reset ? "?reset=true" : "")))
                .compose(request -> request.send().compose(response -> response.body()))
                .map(body -> new JsonObject(body)).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private String sid(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** One call: its webhook, then its media stream sending stamped frames in real time. */
    private final class Call {
        private final long delayMillis;
        private final String callSid = sid("CA");
        private final String streamSid = sid("MZ");
        private final CompletableFuture<Void> streaming = new CompletableFuture<>();
        private WebSocket socket;
        private long streamStart;
        private long sent;
        private long sequence;

        Call(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        CompletableFuture<Void> place() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("AccountSid", args.get("accountSid", ""));
            params.put("ApiVersion", "2010-04-01");
            params.put("CallSid", callSid);
            params.put("CallStatus", "ringing");
            params.put("Direction", "inbound");
            params.put("From", "+15557654321");
            params.put("To", args.get("number", ""));
            String voiceUrl = base + "/telephony/twilio/voice";
            String body = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            String mediaUrl = "ws://" + base.getHost() + ":" + base.getPort() + "/telephony/twilio/media";
            http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                            .setPort(base.getPort()).setURI("/telephony/twilio/voice")
                            .putHeader("Content-Type", "application/x-www-form-urlencoded")
                            .putHeader("X-Twilio-Signature", TwilioSignature.compute(authToken, voiceUrl, params)))
                    .compose(request -> request.send(body))
                    .compose(response -> response.body())
                    .compose(twiml -> {
                        Matcher token = CALL_TOKEN.matcher(twiml.toString());
                        if (!token.find()) {
                            return Future.failedFuture("no call token in " + twiml);
                        }
                        return sockets.connect(new WebSocketConnectOptions().setHost(base.getHost())
                                        .setPort(base.getPort()).setURI("/telephony/twilio/media")
                                        .setHeaders(MultiMap.caseInsensitiveMultiMap().add("X-Twilio-Signature",
                                                TwilioSignature.compute(authToken, mediaUrl, Map.of()))))
                                .map(opened -> {
                                    stream(opened, token.group(1));
                                    return opened;
                                });
                    })
                    .onFailure(streaming::completeExceptionally);
            return streaming;
        }

        private void stream(WebSocket opened, String callToken) {
            socket = opened;
            socket.textMessageHandler(this::onEvent);
            socket.closeHandler(v -> {
                if (!stopping) {
                    unexpectedCloses.incrementAndGet();
                    System.out.println(callSid + " closed: " + socket.closeStatusCode() + " " + socket.closeReason());
                }
                if (!streaming.isDone()) {
                    streaming.completeExceptionally(new IllegalStateException(callSid + " closed"));
                }
            });
            socket.writeTextMessage("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
            vertx.setTimer(Math.max(1, delayMillis), id -> {
                socket.writeTextMessage(new JsonObject().put("event", "start").put("sequenceNumber", next())
                        .put("start", new JsonObject().put("accountSid", args.get("accountSid", ""))
                                .put("streamSid", streamSid).put("callSid", callSid)
                                .put("tracks", List.of("inbound"))
                                .put("mediaFormat", new JsonObject().put("encoding", "audio/x-mulaw")
                                        .put("sampleRate", 8000).put("channels", 1))
                                .put("customParameters", new JsonObject().put("callToken", callToken)))
                        .put("streamSid", streamSid).encode());
                streamStart = System.nanoTime();
                vertx.setPeriodic(20, this::sendDue);
                streaming.complete(null);
            });
        }

        private void sendDue(long timer) {
            if (stopping || socket.isClosed()) {
                vertx.cancelTimer(timer);
                return;
            }
            long due = (System.nanoTime() - streamStart) / FRAME_NANOS + 1;
            for (; sent < due; sent++) {
                byte[] frame = new byte[FRAME_BYTES];
                java.util.Arrays.fill(frame, MULAW_SILENCE);
                ByteBuffer.wrap(frame).putLong(0, System.nanoTime());
                socket.writeTextMessage("{\"event\":\"media\",\"sequenceNumber\":\"" + next()
                        + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"" + (sent + 1) + "\",\"timestamp\":\""
                        + sent * 20 + "\",\"payload\":\"" + Base64.getEncoder().encodeToString(frame)
                        + "\"},\"streamSid\":\"" + streamSid + "\"}");
                framesSent.incrementAndGet();
            }
        }

        private void onEvent(String text) {
            JsonObject event = new JsonObject(text);
            switch (event.getString("event", "")) {
                case "media" -> audioReceived.addAndGet(
                        Base64.getDecoder().decode(event.getJsonObject("media").getString("payload")).length);
                case "mark" -> socket.writeTextMessage(new JsonObject().put("event", "mark")
                        .put("sequenceNumber", next()).put("streamSid", streamSid)
                        .put("mark", event.getJsonObject("mark")).encode());
                case "clear" -> clears.incrementAndGet();
                default -> {
                    // nothing else comes from Parley
                }
            }
        }

        void hangUp() {
            if (socket != null && !socket.isClosed()) {
                socket.writeTextMessage("{\"event\":\"stop\",\"sequenceNumber\":\"" + next() + "\",\"stop\":{"
                        + "\"accountSid\":\"" + args.get("accountSid", "") + "\",\"callSid\":\"" + callSid
                        + "\"},\"streamSid\":\"" + streamSid + "\"}");
            }
        }

        private String next() {
            return Long.toString(++sequence);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

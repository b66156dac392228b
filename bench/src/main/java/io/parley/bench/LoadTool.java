package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Signalling load generator. Opens pairs of peers (sender on node a, receiver on node b or a),
 * sends offer- and candidate-sized frames carrying their send time, and measures relay latency
 * (send to receive, same clock), delivered frames per second and lost frames.
 *
 * <p>Arguments are key=value: target=parley|raw, a=ws://host:port, b=ws://host:port (optional,
 * cross-node), http=http://host:port and apiKey=... (parley: tokens), pairs=N, mode=rate|max,
 * rate=frames/s, window=in-flight frames per pair (max mode), seconds=N, warmup=N, pids=p1,p2, label=...
 */
public final class LoadTool {

    private final Map<String, String> args;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(100_000).setMaxFrameSize(262144).setMaxMessageSize(262144).setConnectTimeout(20_000));
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(16));
    private Tokens tokens;
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(30), 3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean measuring;
    private final List<Pair> pairs = new ArrayList<>();

    private LoadTool(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        new LoadTool(Args.parse(argv).values()).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int pairCount = Integer.parseInt(args.getOrDefault("pairs", "100"));
        boolean parley = "parley".equals(args.getOrDefault("target", "parley"));
        String a = args.get("a");
        tokens = new Tokens(http, args.get("http"), args.get("apiKey"));
        String b = args.getOrDefault("b", a);
        long connectStart = System.nanoTime();
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<Void>> connecting = new ArrayList<>();
        for (int i = 0; i < pairCount; i++) {
            Pair pair = new Pair("s" + i + "-" + args.getOrDefault("label", "x"), "r" + i + "-" + args.getOrDefault("label", "x"));
            pairs.add(pair);
            inFlight.acquire();
            CompletableFuture<Void> done = connect(parley, a, pair.sender, pair, ws -> pair.senderSocket = ws)
                    .thenCompose(v -> connect(parley, b, pair.receiver, pair, ws -> pair.receiverSocket = ws))
                    .whenComplete((v, e) -> inFlight.release());
            connecting.add(done);
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        System.out.printf("connected %d sockets in %.1f s%n", pairCount * 2, connectSeconds);

        int warmup = Integer.parseInt(args.getOrDefault("warmup", "5"));
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "20"));
        boolean max = "max".equals(args.getOrDefault("mode", "rate"));
        if (max) {
            int window = Integer.parseInt(args.getOrDefault("window", "8"));
            pairs.forEach(p -> p.closedLoop = true);
            pairs.forEach(p -> {
                for (int i = 0; i < window; i++) {
                    send(p, i);
                }
            });
        } else {
            startRate(Integer.parseInt(args.getOrDefault("rate", "5000")));
        }
        Thread.sleep(warmup * 1000L);
        latencies.reset();
        long sent0 = sent.get();
        long received0 = received.get();
        measuring = true;
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long sentInWindow = sent.get() - sent0;
        long receivedInWindow = received.get() - received0;
        String memory = memory(args.getOrDefault("pids", ""));
        stopSending = true;
        Thread.sleep(2000);
        long lost = sent.get() - received.get();
        System.out.printf("RESULT label=%s target=%s mode=%s sockets=%d cross=%s sent=%d delivered=%d fps=%.0f "
                        + "p50=%.2fms p99=%.2fms p999=%.2fms max=%.2fms lost=%d errors=%d %s%n",
                args.getOrDefault("label", "-"), parley ? "parley" : "raw", max ? "max" : "rate", pairCount * 2,
                !a.equals(b), sentInWindow, receivedInWindow, receivedInWindow / elapsed,
                ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(99)),
                ms(latencies.getValueAtPercentile(99.9)), ms(latencies.getMaxValue()), Math.max(0, lost),
                errors.get(), memory);
    }

    private volatile boolean stopSending;

    private void startRate(int rate) {
        int perTick = Math.max(1, rate / 1000);
        long tickMs = rate >= 1000 ? 1 : 1000L / rate;
        int[] next = {0};
        long[] seq = {0};
        vertx.setPeriodic(tickMs, id -> {
            if (stopSending) {
                vertx.cancelTimer(id);
                return;
            }
            for (int i = 0; i < perTick; i++) {
                Pair pair = pairs.get(next[0]++ % pairs.size());
                send(pair, seq[0]++);
            }
        });
    }

    private void send(Pair pair, long seq) {
        if (stopSending && !pair.closedLoop || pair.senderSocket == null) {
            return;
        }
        String frame = seq % 10 == 0
                ? "{\"type\":\"offer\",\"to\":\"" + pair.receiver + "\",\"sdp\":\"" + Frames.SDP + "\",\"t\":"
                        + System.nanoTime() + "}"
                : "{\"type\":\"candidate\",\"to\":\"" + pair.receiver + "\",\"candidate\":" + Frames.CANDIDATE
                        + ",\"t\":" + System.nanoTime() + "}";
        sent.incrementAndGet();
        pair.senderSocket.writeTextMessage(frame);
    }

    private void onFrame(Pair pair, String text) {
        int at = text.lastIndexOf("\"t\":");
        if (at < 0) {
            if (text.contains("\"error\"") && errors.incrementAndGet() <= 3) {
                System.out.println("server error: " + text);
            }
            return;
        }
        int end = at + 4;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        long latency = System.nanoTime() - Long.parseLong(text.substring(at + 4, end));
        received.incrementAndGet();
        if (measuring) {
            latencies.recordValue(Math.max(0, latency));
        }
        if (pair.closedLoop && !stopSending) {
            send(pair, received.get());
        }
    }

    private CompletableFuture<Void> connect(boolean parley, String base, String peer, Pair pair,
            java.util.function.Consumer<WebSocket> opened) {
        Future<String> path = parley
                ? tokens.token(peer).map(token -> "/ws/v1/signal/" + peer + "?access_token=" + token)
                : Future.succeededFuture("/ws/" + peer);
        CompletableFuture<Void> done = new CompletableFuture<>();
        URI uri = URI.create(base);
        path.compose(p -> sockets.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                        .setURI(p)))
                .onSuccess(ws -> {
                    ws.closeHandler(v -> {
                        if (!done.isDone()) {
                            done.completeExceptionally(new IllegalStateException(peer + " closed with "
                                    + ws.closeStatusCode() + " " + ws.closeReason()));
                        }
                    });
                    ws.textMessageHandler(text -> {
                        if (!done.isDone() && text.contains("\"welcome\"")) {
                            opened.accept(ws);
                            done.complete(null);
                            return;
                        }
                        onFrame(pair, text);
                    });
                    if (!parley) {
                        opened.accept(ws);
                        done.complete(null);
                    }
                })
                .onFailure(done::completeExceptionally);
        return done;
    }

    private static String memory(String pids) {
        StringBuilder out = new StringBuilder();
        for (String pid : pids.split(",")) {
            if (pid.isBlank()) {
                continue;
            }
            out.append(ProcessMemory.describe(pid.strip())).append(' ');
        }
        return out.toString().strip();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** A sender and its receiver. */
    private static final class Pair {
        final String sender;
        final String receiver;
        volatile WebSocket senderSocket;
        volatile WebSocket receiverSocket;
        volatile boolean closedLoop;

        Pair(String sender, String receiver) {
            this.sender = sender;
            this.receiver = receiver;
        }
    }
}

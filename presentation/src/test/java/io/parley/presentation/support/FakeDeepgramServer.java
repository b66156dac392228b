package io.parley.presentation.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Deepgram on loopback that speaks the live speech-to-text ({@code /v1/listen}) and streaming
 * text-to-speech ({@code /v1/speak}) WebSocket protocols byte for byte, for the Deepgram adapters'
 * tests. It hears speech by energy and answers with scripted transcripts ({@link #nextUtterances});
 * it speaks with a tone whose length grows with the text. Every socket is recorded. Protocol sources
 * are named on the classes that speak each part: {@link DeepgramUpgrades} (handshake and refusals),
 * {@link ListenSession}, {@link UtteranceTracker} and {@link ListenMessages} (listen),
 * {@link SpeakSession} (speak). Use it with
 * {@code @QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)} and
 * {@link #reset()} before each test; Parley's {@code ParleyConfig} must map {@code parley.deepgram.*}
 * or startup fails with SRCFG00050.
 */
public class FakeDeepgramServer implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-deepgram-key";
    /**
     * The close reason Deepgram sends with 1011 after the idle timeout, verbatim from real sessions
     * quoted in deepgram/deepgram-python-sdk#319 and pipecat-ai/pipecat#1113 (its docs table just
     * says "NET-0001").
     */
    public static final String NET_0001_REASON =
            "Deepgram did not receive audio data or a text message within the timeout window. See https://dpgr.am/net0001";
    /** What an utterance says when no transcript is scripted. */
    public static final String DEFAULT_TRANSCRIPT = "Hello.";
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

    static final UpgradeRefusals REFUSALS = new UpgradeRefusals();
    private static final Queue<String> UTTERANCES = new ConcurrentLinkedQueue<>();
    private static final List<ListenRecording> LISTENS = new CopyOnWriteArrayList<>();
    private static final List<SpeakRecording> SPEAKS = new CopyOnWriteArrayList<>();
    private static final List<ListenSession> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private static volatile Duration speakDelay = Duration.ZERO;
    private static volatile String baseUrl;

    private Vertx vertx;

    /** Queues what the next utterances say, one per utterance heard; then {@link #DEFAULT_TRANSCRIPT}. */
    public static void nextUtterances(String... transcripts) {
        UTTERANCES.addAll(Arrays.asList(transcripts));
    }

    /** How long a listen socket may go without audio or a text message before 1011 NET-0001 (10 s). */
    public static void idleTimeout(Duration timeout) {
        idleTimeout = timeout;
    }

    /** A pause before each speak audio frame after the first (none by default: faster than real time). */
    public static void speakDelay(Duration perFrame) {
        speakDelay = perFrame;
    }

    /** Refuses every upgrade with this HTTP status until {@link #acceptUpgrades()}. */
    public static void refuseUpgrades(int httpStatus) {
        REFUSALS.refuseAll(httpStatus);
    }

    /** Refuses the next {@code count} upgrades with this HTTP status, then accepts again. */
    public static void refuseNextUpgrades(int count, int httpStatus) {
        REFUSALS.refuse(httpStatus, count, Long.MAX_VALUE);
    }

    /** Refuses every upgrade with this HTTP status for {@code outage}, then accepts again. */
    public static void refuseUpgradesFor(Duration outage, int httpStatus) {
        REFUSALS.refuse(httpStatus, -1, System.nanoTime() + outage.toNanos());
    }

    public static void acceptUpgrades() {
        REFUSALS.accept();
    }

    /** Upgrades refused since the last {@link #reset()}. */
    public static int refusedUpgrades() {
        return REFUSALS.refused();
    }

    /** Cuts the TCP connection of every open listen socket, without a close frame; returns how many. */
    public static int dropListenSockets() {
        List<ListenSession> open = LISTENERS.stream().filter(session -> !session.recording().closed()).toList();
        open.forEach(ListenSession::drop);
        return open.size();
    }

    public static int listenSessionsOpened() {
        return LISTENS.size();
    }

    /** Every listen socket opened since the last {@link #reset()}, oldest first. */
    public static List<ListenRecording> listenSessions() {
        return List.copyOf(LISTENS);
    }

    /** Every speak socket opened since the last {@link #reset()}, oldest first. */
    public static List<SpeakRecording> speakSessions() {
        return List.copyOf(SPEAKS);
    }

    /** {@code ws://127.0.0.1:<port>}, the value of {@code parley.deepgram.base-url}. */
    public static String baseUrl() {
        return baseUrl;
    }

    /** Forgets recorded sockets and scripts and restores every default; open sockets stay open. */
    public static void reset() {
        UTTERANCES.clear();
        LISTENS.clear();
        SPEAKS.clear();
        LISTENERS.clear();
        REFUSALS.reset();
        idleTimeout = DEFAULT_IDLE_TIMEOUT;
        speakDelay = Duration.ZERO;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(1 << 22);
        HttpServer server = await(vertx.createHttpServer(options).requestHandler(new DeepgramUpgrades(vertx))
                .listen().toCompletionStage().toCompletableFuture());
        baseUrl = "ws://127.0.0.1:" + server.actualPort();
        return Map.of("parley.deepgram.base-url", baseUrl, "parley.deepgram.api-key", API_KEY);
    }

    @Override
    public void stop() {
        await(vertx.close().toCompletionStage().toCompletableFuture());
    }

    static String nextTranscript() {
        String next = UTTERANCES.poll();
        return next == null ? DEFAULT_TRANSCRIPT : next;
    }

    static Duration idleTimeout() {
        return idleTimeout;
    }

    static Duration speakDelay() {
        return speakDelay;
    }

    static void opened(ListenRecording recording, ListenSession session) {
        LISTENS.add(recording);
        LISTENERS.add(session);
    }

    static void opened(SpeakRecording recording) {
        SPEAKS.add(recording);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake Deepgram did not start or stop", e);
        }
    }
}

package io.parley.presentation.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechStream;
import io.parley.infrastructure.deepgram.DeepgramSettings;
import io.parley.infrastructure.deepgram.DeepgramSpeechToText;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.AudioPacer;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.ListenRecording;
import io.parley.presentation.support.ReceivedMessage;
import io.parley.presentation.voice.SpeechEvents.Event;
import io.parley.presentation.voice.SpeechEvents.Kind;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Deepgram speech-to-text adapter against the fake Deepgram: wire protocol, turns, keep-alive, reconnection. */
class DeepgramSpeechToTextTest {

    private static final FakeDeepgramServer SERVER = new FakeDeepgramServer();
    private static final AudioFormat PHONE = new AudioFormat(AudioEncoding.MULAW, 8000);
    private static final AudioFormat WIDEBAND = new AudioFormat(AudioEncoding.LINEAR16, 16000);
    private static final Duration WAIT = SpeechEvents.WAIT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Vertx vertx;

    private final List<SpeechStream> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        SERVER.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        SERVER.stop();
    }

    @BeforeEach
    void reset() {
        FakeDeepgramServer.reset();
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(SpeechStream::close);
    }

    @Test
    void withoutAnApiKeyItIsUnavailableAndSaysWhatToSet() {
        DeepgramSpeechToText stt = adapter(DeepgramTestSettings.fake().apiKey(null).build());
        SpeechEvents events = new SpeechEvents();

        open(stt, PHONE, Optional.empty(), events);

        String reason = "Deepgram is not configured: set parley.deepgram.api-key (env PARLEY_DEEPGRAM_API_KEY)";
        assertThat(stt.unavailableReason()).hasValue(reason);
        assertThat(events.await(Kind.FAILURE, 1).get(0).text()).isEqualTo(reason);
        assertThat(events.all()).hasSize(1);
        assertThat(FakeDeepgramServer.listenSessionsOpened()).isZero();
        DeepgramSettings configured = DeepgramTestSettings.fake().build();
        assertThat(adapter(configured).unavailableReason()).isEmpty();
        assertThat(configured.toString()).doesNotContain(FakeDeepgramServer.API_KEY).contains("apiKey=<set>");
    }

    @Test
    void opensListenWithTheTokenAndExactlyTheQueryDeepgramDocuments() {
        DeepgramSpeechToText stt = adapter(DeepgramTestSettings.fake().build());
        SpeechEvents wideband = new SpeechEvents();
        SpeechEvents phone = new SpeechEvents();
        open(stt, WIDEBAND, Optional.of("en-US"), wideband);
        wideband.awaitReady();
        open(stt, PHONE, Optional.empty(), phone);
        phone.awaitReady();

        List<ListenRecording> sessions = FakeDeepgramServer.listenSessions();
        assertThat(sessions).hasSize(2).allSatisfy(session ->
                assertThat(session.authorization()).isEqualTo("Token " + FakeDeepgramServer.API_KEY));
        assertThat(sessions.get(0).query()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("model", List.of("nova-3")), Map.entry("encoding", List.of("linear16")),
                Map.entry("sample_rate", List.of("16000")), Map.entry("channels", List.of("1")),
                Map.entry("interim_results", List.of("true")), Map.entry("vad_events", List.of("true")),
                Map.entry("endpointing", List.of("300")), Map.entry("utterance_end_ms", List.of("1000")),
                Map.entry("smart_format", List.of("true")), Map.entry("language", List.of("en-US"))));
        assertThat(sessions.get(1).query()).doesNotContainKey("language");
        assertThat(sessions.get(1).param("encoding")).isEqualTo("mulaw");
        assertThat(sessions.get(1).param("sample_rate")).isEqualTo("8000");
    }

    @Test
    void speechStreamedInRealTimeGivesTranscriptsAndOneEndOfTurnPerTurnOnMediaTime() {
        FakeDeepgramServer.nextUtterances("What is the price?", "Stop, stop.");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, io.parley.presentation.support.AudioEncoding.LINEAR16,
                16000);
        AudioFixture stop = AudioFixture.load(AudioFixture.STOP, io.parley.presentation.support.AudioEncoding.LINEAR16,
                16000);
        SpeechEvents events = new SpeechEvents();
        SpeechStream stream = open(adapter(DeepgramTestSettings.fake().build()), WIDEBAND, Optional.empty(), events);

        // sent from the first moment, before the socket is open: kept and sent once it is
        AudioPacer.streamRealTime(stream::send, price.then(stop).frames(), AudioFixture.FRAME);
        List<Event> ends = events.await(Kind.END_OF_TURN, 2);

        // both turns got speech_final and UtteranceEnd; the first one's UtteranceEnd came before the second turn
        ListenRecording session = FakeDeepgramServer.listenSessions().get(0);
        assertThat(session.sent().stream().filter(json -> json.contains("\"UtteranceEnd\"")).count())
                .isGreaterThanOrEqualTo(1);
        assertThat(ends).hasSize(2);
        assertThat(ends.get(0).text()).isEqualTo("What is the price?");
        assertThat(ends.get(0).millis()).isCloseTo(1280, within(40L));
        assertThat(ends.get(1).text()).isEqualTo("Stop, stop.");
        assertThat(ends.get(1).millis()).isCloseTo(price.duration().toMillis() + 1390, within(40L));

        List<Event> firstTurn = events.all().subList(0, events.all().indexOf(ends.get(0)) + 1);
        assertThat(firstTurn.get(0).kind()).isEqualTo(Kind.READY);
        assertThat(firstTurn.get(1).kind()).isEqualTo(Kind.SPEECH_STARTED);
        List<Event> transcripts = firstTurn.stream().filter(event -> event.kind() == Kind.TRANSCRIPT).toList();
        List<Event> interims = transcripts.stream().filter(event -> !event.isFinal()).toList();
        assertThat(interims).isNotEmpty().allSatisfy(interim ->
                assertThat("What is the price?").startsWith(interim.text()));
        assertThat(transcripts.get(transcripts.size() - 1)).satisfies(last -> {
            assertThat(last.isFinal()).isTrue();
            assertThat(last.text()).isEqualTo("What is the price?");
        });
        assertThat(firstTurn.get(firstTurn.size() - 2)).isEqualTo(transcripts.get(transcripts.size() - 1));
        assertThat(events.of(Kind.FAILURE)).isEmpty();
        assertThat(events.all()).allSatisfy(event -> assertThat(event.thread()).startsWith("vert.x-eventloop-thread"));
        Await.until(WAIT, "all audio at the fake", () -> session.audioBytes() == price.bytes().length
                + stop.bytes().length);
        assertThat(FakeDeepgramServer.listenSessionsOpened()).isEqualTo(1);
    }

    @Test
    void keepAliveHoldsASilentStreamPastDeepgramsIdleTimeoutWhileAnIdleOneIsClosedAndReplaced() {
        FakeDeepgramServer.idleTimeout(Duration.ofMillis(1500));
        SpeechEvents kept = new SpeechEvents();
        SpeechEvents idle = new SpeechEvents();
        open(adapter(DeepgramTestSettings.fake().keepAlive(Duration.ofMillis(250)).build()), PHONE, Optional.empty(),
                kept);
        open(adapter(DeepgramTestSettings.fake().keepAlive(Duration.ofMinutes(1)).build()), WIDEBAND,
                Optional.empty(), idle);
        kept.awaitReady();
        idle.awaitReady();

        Await.until(WAIT, "the idle stream closed with 1011 and reconnected",
                () -> sessions("linear16").size() >= 2 && sessions("linear16").get(0).closed());
        ListenRecording keptSession = Await.until(WAIT, "3.5 s of KeepAlives", () -> sessions("mulaw").get(0),
                session -> session.receivedTypes().size() >= 14);

        assertThat(sessions("mulaw")).hasSize(1);
        assertThat(keptSession.closed()).isFalse();
        assertThat(keptSession.received()).extracting(ReceivedMessage::raw).containsOnly("{\"type\":\"KeepAlive\"}");
        assertThat(kept.of(Kind.FAILURE)).isEmpty();
        assertThat(idle.of(Kind.FAILURE)).isEmpty();
        assertThat(idle.of(Kind.READY)).as("ready only once, not again after reconnecting").hasSize(1);
    }

    @Test
    void aDropMidUtteranceReconnectsReplaysTheOutagesAudioAndStillEndsTheTurnOnMediaTime() {
        FakeDeepgramServer.nextUtterances("What is", "the price?");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, io.parley.presentation.support.AudioEncoding.LINEAR16,
                16000);
        SpeechEvents events = new SpeechEvents();
        SpeechStream stream = open(adapter(DeepgramTestSettings.fake().build()), WIDEBAND, Optional.empty(), events);
        events.awaitReady();

        CompletableFuture<Void> streaming = AudioPacer.streamInBackground(stream::send, price.frames(),
                AudioFixture.FRAME);
        ListenRecording first = FakeDeepgramServer.listenSessions().get(0);
        // speech runs from 0.30 to 1.28 s: cut it off well inside
        Await.until(WAIT, "0.6 s of audio and speech heard", () -> first.audioBytes() >= price.bytesFor(
                Duration.ofMillis(600)) && !events.of(Kind.SPEECH_STARTED).isEmpty());
        FakeDeepgramServer.refuseNextUpgrades(2, 503);
        assertThat(FakeDeepgramServer.dropListenSockets()).isEqualTo(1);

        Event end = events.await(Kind.END_OF_TURN, 1).get(0);
        streaming.join();
        ListenRecording second = FakeDeepgramServer.listenSessions().get(1);
        assertThat(FakeDeepgramServer.refusedUpgrades()).isEqualTo(2);
        assertThat(end.text()).isEqualTo("the price?");
        assertThat(end.millis()).as("media time from the stream's first byte").isCloseTo(1280, within(60L));
        assertThat(events.of(Kind.FAILURE)).isEmpty();
        // the new socket hears everything no final of the first covered: what the
        // first heard after its last final, what was written into the dying socket, and the outage's audio
        long covered = lastFinalEndBytes(first, price);
        Await.until(WAIT, "the audio after the first socket's last final at the new socket",
                () -> price.bytes().length - second.audioBytes() <= covered);
        long replayedFrom = price.bytes().length - second.audioBytes();
        assertThat(replayedFrom % 2).as("whole 16-bit samples").isZero();
        assertThat(replayedFrom).as("nothing the first socket heard is lost").isLessThanOrEqualTo(first.audioBytes());
        assertThat(FakeDeepgramServer.listenSessionsOpened()).isEqualTo(2);
    }

    @Test
    void audioOfALongOutageIsKeptOnlyUpToTheReconnectBuffer() {
        SpeechEvents events = new SpeechEvents();
        SpeechStream stream = open(adapter(DeepgramTestSettings.fake().reconnectBuffer(Duration.ofMillis(200)).build()),
                PHONE, Optional.empty(), events);
        events.awaitReady();
        ListenRecording first = FakeDeepgramServer.listenSessions().get(0);

        // attempts 100, 300, 700, 1500 and 3100 ms after the drop: the fifth gets through
        FakeDeepgramServer.refuseNextUpgrades(4, 503);
        FakeDeepgramServer.dropListenSockets();
        Await.until(WAIT, "the fake's socket closed", first::closed);
        AudioPacer.streamRealTime(stream::send, AudioFixture.silence(io.parley.presentation.support.AudioEncoding.MULAW,
                8000, Duration.ofSeconds(1)).frames(), AudioFixture.FRAME);

        ListenRecording second = Await.until(WAIT, "a second socket with the kept audio", () ->
                FakeDeepgramServer.listenSessions().size() < 2 ? null : FakeDeepgramServer.listenSessions().get(1),
                session -> session != null && session.audioBytes() >= 1600);
        assertThat(FakeDeepgramServer.refusedUpgrades()).isEqualTo(4);
        assertThat(second.audioBytes()).as("200 ms of mu-law at 8 kHz, the rest of the second dropped").isEqualTo(1600);
        assertThat(events.of(Kind.FAILURE)).isEmpty();
    }

    @Test
    void aRefusedKeyFailsWithTheStatusAndAnUnreachableDeepgramSaysSo() throws IOException {
        SpeechEvents refused = new SpeechEvents();
        open(adapter(DeepgramTestSettings.fake().apiKey("wrong-key").build()), PHONE, Optional.empty(), refused);
        assertThat(refused.await(Kind.FAILURE, 1).get(0).text()).isEqualTo("Deepgram refused the API key (HTTP 401)");
        assertThat(refused.all()).hasSize(1);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SpeechEvents unreachable = new SpeechEvents();
        open(adapter(DeepgramTestSettings.fake().baseUrl("ws://127.0.0.1:" + closedPort).build()), PHONE,
                Optional.empty(), unreachable);
        assertThat(unreachable.await(Kind.FAILURE, 1).get(0).text()).startsWith("Deepgram unreachable: ");
        assertThat(FakeDeepgramServer.listenSessionsOpened()).isZero();
    }

    @Test
    void refusalsForLongerThanTheReconnectWindowAfterADropFailTheStream() {
        SpeechEvents events = new SpeechEvents();
        open(adapter(DeepgramTestSettings.fake().reconnectFor(Duration.ofSeconds(1)).build()), PHONE,
                Optional.empty(), events);
        events.awaitReady();

        FakeDeepgramServer.refuseUpgrades(503);
        long droppedAt = System.nanoTime();
        assertThat(FakeDeepgramServer.dropListenSockets()).isEqualTo(1);
        Event failure = events.await(Kind.FAILURE, 1).get(0);

        assertThat(failure.text()).contains("did not come back within 1000 ms").contains("HTTP 503");
        assertThat(Duration.ofNanos(failure.nanoTime() - droppedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(FakeDeepgramServer.refusedUpgrades()).as("attempts 100, 300, 700 ms after the drop")
                .isGreaterThanOrEqualTo(2);
        assertThat(events.all()).extracting(Event::kind).containsExactly(Kind.READY, Kind.FAILURE);
    }

    @Test
    void finalizeTurnEndsTheTurnAndCloseSendsCloseStreamThenHearsNothingMore() {
        FakeDeepgramServer.nextUtterances("What is the price?");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, io.parley.presentation.support.AudioEncoding.MULAW,
                8000);
        SpeechEvents events = new SpeechEvents();
        SpeechStream stream = open(adapter(DeepgramTestSettings.fake().build()), PHONE, Optional.empty(), events);
        events.awaitReady();

        // 1.4 s: the speech and 120 ms of its pause, too short for an endpoint
        price.frames().subList(0, 70).forEach(stream::send);
        stream.finalizeTurn();
        Event end = events.await(Kind.END_OF_TURN, 1).get(0);
        assertThat(end.text()).isEqualTo("What is the price?");
        assertThat(end.millis()).isCloseTo(1280, within(40L));

        stream.close();
        ListenRecording session = FakeDeepgramServer.listenSessions().get(0);
        Await.until(WAIT, "the socket closed after CloseStream", session::closed);
        assertThat(session.received()).extracting(ReceivedMessage::raw)
                .containsExactly("{\"type\":\"Finalize\"}", "{\"type\":\"CloseStream\"}");
        assertThat(session.sent().get(session.sent().size() - 1)).contains("\"Metadata\"");
        int heard = events.all().size();
        stream.send(new byte[160]);
        stream.finalizeTurn();
        stream.close();
        assertThat(events.all()).hasSize(heard);
        assertThat(events.all().get(heard - 1).kind()).isEqualTo(Kind.END_OF_TURN);
        assertThat(FakeDeepgramServer.listenSessionsOpened()).as("a close asked for is not a drop").isEqualTo(1);
    }

    private static DeepgramSpeechToText adapter(DeepgramSettings settings) {
        return new DeepgramSpeechToText(settings, vertx);
    }

    private SpeechStream open(DeepgramSpeechToText stt, AudioFormat format, Optional<String> language,
            SpeechEvents events) {
        SpeechStream stream = stt.open(format, language, events);
        opened.add(stream);
        return stream;
    }

    private static List<ListenRecording> sessions(String encoding) {
        return FakeDeepgramServer.listenSessions().stream().filter(session -> encoding.equals(session.param("encoding")))
                .toList();
    }

    /** Where the last final result the socket sent ends, in bytes of {@code audio}. */
    private static long lastFinalEndBytes(ListenRecording socket, AudioFixture audio) {
        double end = 0;
        for (String message : socket.sent()) {
            try {
                JsonNode result = JSON.readTree(message);
                if (result.path("is_final").asBoolean()) {
                    end = Math.max(end, result.path("start").asDouble() + result.path("duration").asDouble());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return audio.bytesFor(Duration.ofMillis(Math.round(end * 1000)));
    }
}

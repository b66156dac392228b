package io.parley.presentation.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechSynthesis;
import io.parley.infrastructure.deepgram.DeepgramSettings;
import io.parley.infrastructure.deepgram.DeepgramTextToSpeech;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.ReceivedMessage;
import io.parley.presentation.support.SpeakRecording;
import io.parley.presentation.voice.SynthesisEvents.Event;
import io.parley.presentation.voice.SynthesisEvents.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Deepgram text-to-speech adapter against the fake Deepgram: wire protocol, audio, flush, clear, failures. */
class DeepgramTextToSpeechTest {

    private static final FakeDeepgramServer SERVER = new FakeDeepgramServer();
    /** The fake speaks 60 ms of audio per character. */
    private static final int MILLIS_PER_CHARACTER = 60;
    private static final Duration WAIT = SynthesisEvents.WAIT;
    private static Vertx vertx;

    private final List<SpeechSynthesis> opened = new ArrayList<>();

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
        opened.forEach(SpeechSynthesis::close);
    }

    @ParameterizedTest
    @CsvSource({"LINEAR16,24000", "LINEAR16,16000", "MULAW,8000"})
    void textSpokenAndFlushedBeforeTheSocketOpensComesBackAsAudioOfItsLengthThenFlushed(AudioEncoding encoding,
            int rate) {
        SynthesisEvents events = new SynthesisEvents();
        SpeechSynthesis tts = open(adapter(DeepgramTestSettings.fake().build()), new AudioFormat(encoding, rate), events);
        tts.speak("Hello");
        tts.speak(" there.");
        tts.flush();

        events.await(Kind.FLUSHED, 1);
        List<Event> all = events.all();
        assertThat(all.get(0).kind()).isEqualTo(Kind.READY);
        assertThat(all.get(all.size() - 1).kind()).isEqualTo(Kind.FLUSHED);
        int bytesPerCharacter = rate * MILLIS_PER_CHARACTER / 1000 * encoding.bytesPerSample();
        assertThat(SynthesisEvents.audio(all, 0, all.size())).hasSize("Hello there.".length() * bytesPerCharacter);
        assertThat(all).allSatisfy(event -> assertThat(event.thread()).startsWith("vert.x-eventloop-thread"));

        SpeakRecording session = FakeDeepgramServer.speakSessions().get(0);
        assertThat(session.authorization()).isEqualTo("Token " + FakeDeepgramServer.API_KEY);
        assertThat(session.query()).containsExactlyInAnyOrderEntriesOf(Map.of("model", List.of("aura-2-thalia-en"),
                "encoding", List.of(encoding.code()), "sample_rate", List.of(Integer.toString(rate))));
        assertThat(session.received()).extracting(ReceivedMessage::raw).containsExactly(
                "{\"type\":\"Speak\",\"text\":\"Hello\"}", "{\"type\":\"Speak\",\"text\":\" there.\"}",
                "{\"type\":\"Flush\"}");
    }

    @Test
    void clearStopsTheAudioAnswersClearedAndTheNextTextSpeaksAlone() {
        FakeDeepgramServer.speakDelay(AudioFixture.FRAME);
        String longReply = "This answer is long enough to be interrupted well before its end, surely.";
        SynthesisEvents events = new SynthesisEvents();
        SpeechSynthesis tts = open(adapter(DeepgramTestSettings.fake().build()), new AudioFormat(AudioEncoding.MULAW,
                8000), events);
        tts.speak(longReply);
        tts.flush();
        events.await(Kind.AUDIO, 3);

        tts.clear();
        events.await(Kind.CLEARED, 1);
        tts.speak("Sure.");
        tts.flush();
        events.await(Kind.FLUSHED, 1);

        List<Event> all = events.all();
        int cleared = all.indexOf(events.of(Kind.CLEARED).get(0));
        assertThat(SynthesisEvents.audio(all, 0, cleared)).hasSizeLessThan(longReply.length() * 480);
        assertThat(SynthesisEvents.audio(all, cleared, all.size())).as("only the audio of \"Sure.\" after Cleared")
                .hasSize("Sure.".length() * 480);
        assertThat(events.of(Kind.FLUSHED)).as("no Flushed for the cleared text").hasSize(1);
        assertThat(FakeDeepgramServer.speakSessions().get(0).receivedTypes())
                .containsExactly("Speak", "Flush", "Clear", "Speak", "Flush");
    }

    @Test
    void closeSendsCloseAndClosesTheSocketAndNothingMoreIsHeard() {
        SynthesisEvents events = new SynthesisEvents();
        SpeechSynthesis tts = open(adapter(DeepgramTestSettings.fake().build()), new AudioFormat(AudioEncoding.MULAW,
                8000), events);
        events.await(Kind.READY, 1);
        tts.speak("Bye.");
        tts.flush();
        tts.close();

        SpeakRecording session = FakeDeepgramServer.speakSessions().get(0);
        Await.until(WAIT, "the speak socket closed", session::closed);
        assertThat(session.received()).extracting(ReceivedMessage::raw).endsWith("{\"type\":\"Close\"}");
        assertThat(events.of(Kind.FLUSHED)).isEmpty();
        assertThat(events.of(Kind.FAILURE)).isEmpty();
    }

    @Test
    void aRefusedKeyOrAnOutageFailsWithTheStatus() {
        SynthesisEvents badKey = new SynthesisEvents();
        open(adapter(DeepgramTestSettings.fake().apiKey("wrong-key").build()), new AudioFormat(AudioEncoding.MULAW,
                8000), badKey);
        assertThat(badKey.await(Kind.FAILURE, 1).get(0).reason()).isEqualTo("Deepgram refused the API key (HTTP 401)");

        FakeDeepgramServer.refuseUpgrades(503);
        SynthesisEvents outage = new SynthesisEvents();
        SpeechSynthesis tts = open(adapter(DeepgramTestSettings.fake().build()), new AudioFormat(AudioEncoding.LINEAR16,
                24000), outage);
        tts.speak("Hello.");
        assertThat(outage.await(Kind.FAILURE, 1).get(0).reason()).startsWith("Deepgram refused the stream (HTTP 503");
        assertThat(badKey.all()).hasSize(1);
        assertThat(outage.all()).hasSize(1);
        assertThat(FakeDeepgramServer.speakSessions()).isEmpty();

        SynthesisEvents unconfigured = new SynthesisEvents();
        DeepgramTextToSpeech withoutKey = adapter(DeepgramTestSettings.fake().apiKey(null).build());
        open(withoutKey, new AudioFormat(AudioEncoding.MULAW, 8000), unconfigured);
        assertThat(withoutKey.unavailableReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("parley.deepgram.api-key").contains("PARLEY_DEEPGRAM_API_KEY"));
        assertThat(unconfigured.await(Kind.FAILURE, 1).get(0).reason()).isEqualTo(withoutKey.unavailableReason().get());
    }

    @Test
    void aCloseNotAskedForFailsTheStream() throws Exception {
        // a server that accepts the socket, then closes it with 1011 at the first message
        HttpServer closer = vertx.createHttpServer().requestHandler(request -> request.toWebSocket().onSuccess(
                socket -> socket.textMessageHandler(text -> socket.close((short) 1011, "INTERNAL_SERVER_ERROR"))))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            SynthesisEvents events = new SynthesisEvents();
            SpeechSynthesis tts = open(adapter(DeepgramTestSettings.fake()
                    .baseUrl("ws://127.0.0.1:" + closer.actualPort()).build()), new AudioFormat(AudioEncoding.MULAW,
                    8000), events);
            tts.speak("Hello.");
            assertThat(events.await(Kind.FAILURE, 1).get(0).reason())
                    .isEqualTo("Deepgram speech stream closed with 1011 INTERNAL_SERVER_ERROR");
            assertThat(events.all()).extracting(Event::kind).containsExactly(Kind.READY, Kind.FAILURE);
        } finally {
            closer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static DeepgramTextToSpeech adapter(DeepgramSettings settings) {
        return new DeepgramTextToSpeech(settings, vertx);
    }

    private SpeechSynthesis open(DeepgramTextToSpeech tts, AudioFormat format, SynthesisEvents events) {
        SpeechSynthesis stream = tts.open(format, events);
        opened.add(stream);
        return stream;
    }
}

package io.parley.presentation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.WireClient.Close;
import io.parley.presentation.support.WireClient.Frame;
import io.parley.presentation.support.WireClient.Refused;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake Deepgram speaks the listen and speak protocols as the adapters will meet them. */
class FakeDeepgramServerTest {

    private static final Map<String, String> AUTH = Map.of("Authorization", "Token " + FakeDeepgramServer.API_KEY);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String TWILIO = "model=nova-3&encoding=mulaw&sample_rate=8000&channels=1";
    private static final FakeDeepgramServer SERVER = new FakeDeepgramServer();

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void reset() {
        FakeDeepgramServer.reset();
    }

    @Test
    void upgradesWithoutTheRightTokenAreRefusedWith401AndDeepgramsErrorHeaders() {
        for (String path : List.of("/v1/listen?" + TWILIO, "/v1/speak?encoding=mulaw")) {
            for (Map<String, String> headers : List.of(Map.<String, String>of(),
                    Map.of("Authorization", "Bearer " + FakeDeepgramServer.API_KEY),
                    Map.of("Authorization", "Token wrong-key"))) {
                assertThatThrownBy(() -> WireClient.connect(uri(path), headers))
                        .isInstanceOfSatisfying(Refused.class, refused -> {
                            assertThat(refused.status()).isEqualTo(401);
                            assertThat(refused.headers().firstValue("dg-error")).hasValue("Invalid credentials.");
                            assertThat(refused.headers().firstValue("dg-request-id")).isPresent();
                        });
            }
        }
        assertThat(FakeDeepgramServer.listenSessionsOpened()).isZero();
        assertThat(FakeDeepgramServer.speakSessions()).isEmpty();
    }

    @Test
    void theQueryTheTokenAndEveryControlMessageAreRecorded() {
        try (WireClient client = listen(TWILIO + "&language=en-US&interim_results=true&vad_events=true"
                + "&endpointing=300&utterance_end_ms=1000&smart_format=true&keyterm=price&keyterm=refund")) {
            client.sendText("{\"type\":\"KeepAlive\"}");
            client.sendText("{\"type\":\"Finalize\"}");
            client.sendText("{\"type\":\"CloseStream\"}");
            assertThat(client.awaitClose(WAIT).code()).isEqualTo(1000);
        }
        ListenRecording session = FakeDeepgramServer.listenSessions().get(0);
        Await.until(WAIT, "the fake's end of the socket closed", session::closed);
        assertThat(session.authorization()).isEqualTo("Token test-deepgram-key");
        assertThat(session.param("model")).isEqualTo("nova-3");
        assertThat(session.param("encoding")).isEqualTo("mulaw");
        assertThat(session.param("sample_rate")).isEqualTo("8000");
        assertThat(session.param("endpointing")).isEqualTo("300");
        assertThat(session.param("utterance_end_ms")).isEqualTo("1000");
        assertThat(session.query().get("keyterm")).containsExactly("price", "refund");
        assertThat(session.receivedTypes()).containsExactly("KeepAlive", "Finalize", "CloseStream");
    }

    @Test
    void speechStreamedInRealTimeGivesSpeechStartedInterimsAFinalAndUtteranceEnd() {
        FakeDeepgramServer.nextUtterances("What is the price?");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.LINEAR16, 16000);
        List<JsonNode> messages;
        try (WireClient client = listen("model=nova-3&language=en-US&encoding=linear16&sample_rate=16000&channels=1"
                + "&interim_results=true&vad_events=true&endpointing=300&utterance_end_ms=1000&smart_format=true")) {
            AudioPacer.streamRealTime(client::sendBinary, price.frames(), AudioFixture.FRAME);
            messages = textsUntil(client, "UtteranceEnd");
        }
        assertThat(messages.get(0).path("type").asText()).isEqualTo("SpeechStarted");
        assertThat(messages.get(0).path("timestamp").asDouble()).isCloseTo(0.30, within(0.02));
        assertThat(messages.get(0).path("channel").toString()).isEqualTo("[0,1]");

        List<JsonNode> results = messages.stream().filter(m -> "Results".equals(m.path("type").asText())).toList();
        List<JsonNode> interims = results.stream().filter(r -> !r.path("is_final").asBoolean()).toList();
        JsonNode last = results.get(results.size() - 1);
        assertThat(interims).hasSizeGreaterThanOrEqualTo(2).hasSize(results.size() - 1);
        assertThat(interims).extracting(r -> transcript(r).split(" ").length).isSorted();
        assertThat(interims).allSatisfy(r -> assertThat("What is the price?").startsWith(transcript(r)));

        assertThat(last.path("is_final").asBoolean()).isTrue();
        assertThat(last.path("speech_final").asBoolean()).isTrue();
        assertThat(last.path("from_finalize").asBoolean()).isFalse();
        assertThat(transcript(last)).isEqualTo("What is the price?");
        JsonNode words = last.path("channel").path("alternatives").get(0).path("words");
        assertThat(words).extracting(w -> w.path("word").asText()).containsExactly("what", "is", "the", "price");
        assertThat(words.get(3).path("punctuated_word").asText()).isEqualTo("price?");
        assertThat(words.get(0).path("start").asDouble()).isCloseTo(0.30, within(0.02));
        assertThat(words.get(3).path("end").asDouble()).isCloseTo(1.28, within(0.02));
        assertThat(last.path("start").asDouble()).isZero();
        assertThat(last.path("duration").asDouble()).isCloseTo(1.28 + 0.3, within(0.03));
        assertThat(last.path("channel_index").toString()).isEqualTo("[0,1]");
        assertThat(last.path("metadata").path("request_id").asText())
                .isEqualTo(FakeDeepgramServer.listenSessions().get(0).requestId());

        JsonNode utteranceEnd = messages.get(messages.size() - 1);
        assertThat(utteranceEnd.path("last_word_end").asDouble()).isEqualTo(words.get(3).path("end").asDouble());
        assertThat(FakeDeepgramServer.listenSessions().get(0).audioBytes()).isEqualTo(price.bytes().length);
    }

    @Test
    void muLawFromAPhoneLineIsHeardAndOnlyWhatWasAskedForIsSent() {
        FakeDeepgramServer.nextUtterances("What is the price?");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.MULAW, 8000);
        try (WireClient client = listen(TWILIO + "&endpointing=300")) {
            AudioPacer.streamRealTime(client::sendBinary, price.frames(), AudioFixture.FRAME);
            JsonNode result = client.nextOfType("Results", WAIT);
            assertThat(result.path("is_final").asBoolean()).isTrue();
            assertThat(result.path("speech_final").asBoolean()).isTrue();
            assertThat(transcript(result)).isEqualTo("what is the price");
            assertThat(result.path("channel").path("alternatives").get(0).path("words").get(0).has("punctuated_word"))
                    .isFalse();
            client.sendText("{\"type\":\"CloseStream\"}");
            List<JsonNode> closing = textsUntil(client, "Metadata");
            assertThat(closing).extracting(m -> m.path("type").asText()).containsExactly("Results", "Metadata");
            assertThat(transcript(closing.get(0))).as("the trailing silence, finalized").isEmpty();
        }
    }

    @Test
    void silenceGivesOnlyEmptyFinalsAndCloseStreamSummarisesTheAudio() throws Exception {
        AudioFixture silence = AudioFixture.silence(AudioEncoding.MULAW, 8000, Duration.ofMillis(3500));
        List<JsonNode> messages;
        Close close;
        try (WireClient client = listen(TWILIO + "&interim_results=true&vad_events=true&utterance_end_ms=1000")) {
            silence.frames().forEach(client::sendBinary);
            client.sendText("{\"type\":\"CloseStream\"}");
            messages = textsUntil(client, "Metadata");
            close = client.awaitClose(WAIT);
        }
        assertThat(messages).extracting(m -> m.path("type").asText()).containsExactly("Results", "Results", "Metadata");
        assertThat(messages.subList(0, 2)).allSatisfy(r -> {
            assertThat(transcript(r)).isEmpty();
            assertThat(r.path("is_final").asBoolean()).isTrue();
        });
        assertThat(messages.get(0).path("duration").asDouble()).isEqualTo(3.0);
        assertThat(messages.get(1).path("start").asDouble()).isEqualTo(3.0);
        JsonNode metadata = messages.get(2);
        assertThat(metadata.path("transaction_key").asText()).isEqualTo("deprecated");
        assertThat(metadata.path("request_id").asText()).isEqualTo(FakeDeepgramServer.listenSessions().get(0).requestId());
        assertThat(metadata.path("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(silence.bytes())));
        assertThat(metadata.path("duration").asDouble()).isEqualTo(3.5);
        assertThat(metadata.path("channels").asInt()).isEqualTo(1);
        assertThat(Instant.parse(metadata.path("created").asText())).isBefore(Instant.now());
        assertThat(close).isEqualTo(new Close(1000, ""));
    }

    @Test
    void finalizeFinalizesPendingSpeechWithFromFinalize() {
        FakeDeepgramServer.nextUtterances("What is the price?");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.MULAW, 8000);
        try (WireClient client = listen(TWILIO + "&endpointing=500&punctuate=true")) {
            price.frames().subList(0, 70).forEach(client::sendBinary);
            client.sendText("{\"type\":\"Finalize\"}");
            JsonNode result = client.nextOfType("Results", WAIT);
            assertThat(result.path("is_final").asBoolean()).isTrue();
            assertThat(result.path("from_finalize").asBoolean()).isTrue();
            assertThat(result.path("speech_final").asBoolean()).isFalse();
            assertThat(transcript(result)).isEqualTo("What is the price?");
            assertThat(result.path("duration").asDouble()).isEqualTo(1.4);
        }
    }

    @Test
    void closeStreamFinalizesSpeechThenSendsMetadataThenClosesNormally() {
        FakeDeepgramServer.nextUtterances("What is the price?");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.LINEAR16, 16000);
        try (WireClient client = listen("encoding=linear16&sample_rate=16000&endpointing=500")) {
            price.frames().subList(0, 70).forEach(client::sendBinary);
            client.sendText("{\"type\":\"CloseStream\"}");
            List<JsonNode> messages = textsUntil(client, "Metadata");
            assertThat(messages).extracting(m -> m.path("type").asText()).containsExactly("Results", "Metadata");
            assertThat(transcript(messages.get(0))).isEqualTo("what is the price");
            assertThat(messages.get(0).path("is_final").asBoolean()).isTrue();
            assertThat(messages.get(1).path("duration").asDouble()).isEqualTo(1.4);
            assertThat(client.awaitClose(WAIT).code()).isEqualTo(1000);
        }
    }

    @Test
    void keepAliveHoldsASilentSocketOpenAndWithoutItDeepgramClosesWith1011Net0001() {
        FakeDeepgramServer.idleTimeout(Duration.ofMillis(800));
        try (WireClient kept = listen(TWILIO); WireClient idle = listen(TWILIO)) {
            // a KeepAlive every 200 ms for 2 s, paced as a client's timer would send them
            AudioPacer.streamRealTime(tick -> kept.sendText("{\"type\":\"KeepAlive\"}"),
                    Collections.nCopies(11, new byte[0]), Duration.ofMillis(200));
            assertThat(idle.awaitClose(WAIT)).isEqualTo(new Close(1011, FakeDeepgramServer.NET_0001_REASON));
            assertThat(kept.isClosed()).as("closed although kept alive for 3 idle timeouts").isFalse();
            assertThat(kept.awaitClose(WAIT)).isEqualTo(new Close(1011, FakeDeepgramServer.NET_0001_REASON));
        }
    }

    @Test
    void undecodableAudioIsRefusedWith1008Data0000() {
        try (WireClient client = listen("model=nova-3")) {
            client.sendBinary(new byte[320]);
            assertThat(client.awaitClose(WAIT)).isEqualTo(new Close(1008, "DATA-0000"));
        }
    }

    @Test
    void droppingListenSocketsCutsTheConnectionWithoutACloseFrame() {
        try (WireClient client = listen(TWILIO)) {
            client.sendBinary(new byte[160]);
            Await.until(WAIT, "listen session", () -> FakeDeepgramServer.listenSessionsOpened() == 1);
            assertThat(FakeDeepgramServer.dropListenSockets()).isEqualTo(1);
            assertThat(client.awaitClose(WAIT).code()).isIn(-1, 1006);
            Await.until(WAIT, "session closed", () -> FakeDeepgramServer.listenSessions().get(0).closed());
        }
    }

    @Test
    void refusedUpgradesFailWithTheChosenStatusThenTheServiceRecovers() {
        FakeDeepgramServer.refuseNextUpgrades(2, 503);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> listen(TWILIO)).isInstanceOfSatisfying(Refused.class,
                    refused -> assertThat(refused.status()).isEqualTo(503));
        }
        try (WireClient client = listen(TWILIO)) {
            Await.until(WAIT, "listen session", () -> FakeDeepgramServer.listenSessionsOpened() == 1);
        }
        FakeDeepgramServer.refuseUpgrades(429);
        assertThatThrownBy(() -> speak("encoding=mulaw")).isInstanceOf(Refused.class);
        FakeDeepgramServer.acceptUpgrades();
        speak("encoding=mulaw").close();
        assertThat(FakeDeepgramServer.refusedUpgrades()).isEqualTo(3);

        FakeDeepgramServer.refuseUpgradesFor(Duration.ofMillis(300), 503);
        assertThatThrownBy(() -> listen(TWILIO)).isInstanceOf(Refused.class);
        Await.until(WAIT, "an upgrade accepted after the outage", () -> {
            try (WireClient client = listen(TWILIO)) {
                return true;
            } catch (Refused stillDown) {
                return false;
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"linear16,16000", "linear16,24000", "linear16,48000", "mulaw,8000", "alaw,8000"})
    void speakSendsMetadataThenAudioAsLongAsTheTextThenFlushedWithSequenceIds(String encoding, int rate) {
        AudioEncoding format = AudioEncoding.named(encoding).orElseThrow();
        try (WireClient client = speak("model=aura-2-thalia-en&encoding=" + encoding + "&sample_rate=" + rate
                + "&container=none")) {
            JsonNode metadata = client.nextOfType("Metadata", WAIT);
            assertThat(metadata.path("model_name").asText()).isEqualTo("aura-2-thalia-en");
            assertThat(metadata.path("request_id").asText())
                    .isEqualTo(FakeDeepgramServer.speakSessions().get(0).requestId());
            client.sendText("{\"type\":\"Speak\",\"text\":\"Hello\"}");
            client.sendText("{\"type\":\"Speak\",\"text\":\" there.\"}");
            client.sendText("{\"type\":\"Flush\"}");
            byte[] first = audioUntilFlushed(client, 0);
            client.sendText("{\"type\":\"Speak\",\"text\":\"Bye.\"}");
            client.sendText("{\"type\":\"Flush\"}");
            byte[] second = audioUntilFlushed(client, 1);

            int bytesPerCharacter = rate * 60 / 1000 * format.bytesPerSample();
            assertThat(first).hasSize("Hello there.".length() * bytesPerCharacter);
            assertThat(second).hasSize("Bye.".length() * bytesPerCharacter);
            short[] samples = format.decode(first);
            int perCharacter = rate * 60 / 1000;
            assertThat(rms(samples, 0, 5 * perCharacter)).isGreaterThan(1000);
            assertThat(rms(samples, 5 * perCharacter, 6 * perCharacter)).as("a space is silence").isLessThan(10);
        }
        SpeakRecording session = FakeDeepgramServer.speakSessions().get(0);
        assertThat(session.param("container")).isEqualTo("none");
        assertThat(session.speakTexts()).containsExactly("Hello", " there.", "Bye.");
        assertThat(session.speakMessages()).extracting(ReceivedMessage::nanoTime).isSorted();
        assertThat(session.receivedTypes()).containsExactly("Speak", "Speak", "Flush", "Speak", "Flush");
    }

    @Test
    void clearStopsTheAudioStillToComeAndAnswersCleared() {
        FakeDeepgramServer.speakDelay(AudioFixture.FRAME);
        String longReply = "This answer is long enough to be interrupted well before its end, surely.";
        try (WireClient client = speak("encoding=mulaw&sample_rate=8000")) {
            client.nextOfType("Metadata", WAIT);
            client.sendText("{\"type\":\"Speak\",\"text\":\"" + longReply + "\"}");
            client.sendText("{\"type\":\"Flush\"}");
            assertThat(client.next(WAIT).isText()).isFalse();
            client.sendText("{\"type\":\"Clear\"}");
            List<Frame> beforeCleared = framesUntil(client, "Cleared");
            Frame cleared = beforeCleared.remove(beforeCleared.size() - 1);
            assertThat(cleared.json().path("sequence_id").asInt()).isZero();
            assertThat(beforeCleared).noneMatch(Frame::isText);
            assertThat(client.next(Duration.ofMillis(300))).as("audio after Cleared").isNull();
            assertThat(FakeDeepgramServer.speakSessions().get(0).audioBytesSent()).isLessThan(longReply.length() * 480L);

            client.sendText("{\"type\":\"Speak\",\"text\":\"Sure.\"}");
            client.sendText("{\"type\":\"Flush\"}");
            assertThat(audioUntilFlushed(client, 1)).hasSize(5 * 480);
        }
    }

    @Test
    void closeFinishesTheAudioThenClosesNormally() {
        try (WireClient client = speak("encoding=linear16&sample_rate=16000")) {
            client.nextOfType("Metadata", WAIT);
            client.sendText("{\"type\":\"Speak\",\"text\":\"Bye.\"}");
            client.sendText("{\"type\":\"Flush\"}");
            client.sendText("{\"type\":\"Close\"}");
            assertThat(audioUntilFlushed(client, 0)).hasSize(4 * 960 * 2);
            assertThat(client.awaitClose(WAIT).code()).isEqualTo(1000);
        }
    }

    private static WireClient listen(String query) {
        return WireClient.connect(uri("/v1/listen?" + query), AUTH);
    }

    private static WireClient speak(String query) {
        return WireClient.connect(uri("/v1/speak?" + query), AUTH);
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(FakeDeepgramServer.baseUrl() + pathAndQuery);
    }

    private static String transcript(JsonNode results) {
        return results.path("channel").path("alternatives").get(0).path("transcript").asText();
    }

    /** Text frames up to and including the first of this type. */
    private static List<JsonNode> textsUntil(WireClient client, String type) {
        return framesUntil(client, type).stream().filter(Frame::isText).map(Frame::json).toList();
    }

    private static List<Frame> framesUntil(WireClient client, String type) {
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        do {
            frame = client.next(WAIT);
            assertThat(frame).as("a " + type + " frame after " + frames.size() + " others").isNotNull();
            frames.add(frame);
        } while (!type.equals(frame.type()));
        return frames;
    }

    /** The audio before the Flushed with this sequence id, which must come next. */
    private static byte[] audioUntilFlushed(WireClient client, int sequenceId) {
        List<Frame> frames = framesUntil(client, "Flushed");
        assertThat(frames.get(frames.size() - 1).json().path("sequence_id").asInt()).isEqualTo(sequenceId);
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        frames.subList(0, frames.size() - 1).forEach(frame -> {
            assertThat(frame.isText()).as("text among the audio: " + frame.json()).isFalse();
            assertThat(frame.binary().length).isLessThanOrEqualTo(48000 * 2 / 50);
            audio.writeBytes(frame.binary());
        });
        return audio.toByteArray();
    }

    private static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}

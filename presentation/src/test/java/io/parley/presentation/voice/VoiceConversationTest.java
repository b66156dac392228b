package io.parley.presentation.voice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.AudioPacer;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.FakeOpenAiServer;
import io.parley.presentation.support.FakeOpenAiServer.Mode;
import io.parley.presentation.support.ListenRecording;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SpeakRecording;
import io.parley.presentation.support.VoiceClient;
import io.parley.presentation.support.VoiceClient.SpokenTurn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Voice conversations end to end, as a browser has them: a real socket streaming real speech at real-time
 * pace, Parley's Deepgram adapters talking to the protocol-exact fake Deepgram, the scripted agent or the
 * OpenAI-compatible fake, and the turns read back over the REST API.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeOpenAiServer.class, restrictToAnnotatedClass = true)
class VoiceConversationTest {

    static final String GREETING = "Hello! How can I help you today?";
    static final String PRICE_REPLY = "Plans start at ten euros. Anything else?";
    /** linear16 at 16 kHz. */
    static final int BYTES_PER_MS = 32;
    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;
    AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.LINEAR16, 16000);
    AudioFixture stop = AudioFixture.load(AudioFixture.STOP, AudioEncoding.LINEAR16, 16000);

    @BeforeEach
    void scriptedAgent() {
        FakeDeepgramServer.reset();
        FakeOpenAiServer.reset();
        tenant = Parley.newTenant();
        agent(Map.of("name", "Ada", "kind", "scripted", "greeting", GREETING, "fallback", "Sorry?",
                "rules", List.of(Map.of("keywords", List.of("price"), "reply", PRICE_REPLY))));
    }

    @Test
    void aSpokenConversationWithTheScriptedAgentIsHeardAnsweredAndStoredWithItsLatencies() {
        String conversationId;
        FakeDeepgramServer.nextUtterances("What is the price?");
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            JsonNode started = alice.startVoice("linear16", 16000);
            assertThat(started.path("replyTo").asText()).isEqualTo("v1");
            conversationId = started.path("conversationId").asText();

            JsonNode greeting = alice.nextOfType("response", WAIT);
            assertThat(greeting.path("text").asText()).isEqualTo(GREETING);
            assertThat(greeting.path("conversationId").asText()).isEqualTo(conversationId);
            SpokenTurn hello = alice.awaitTurn("t1", WAIT);
            assertThat(hello.cleared()).isFalse();
            SpeakRecording speak = FakeDeepgramServer.speakSessions().get(0);
            assertThat(hello.audio().length).as("every byte synthesis made reaches the client")
                    .isEqualTo(speak.audioBytesSent());
            assertPacedInRealTime(hello);

            AudioPacer.streamRealTime(alice::sendAudio, price.frames(), AudioFixture.FRAME);
            List<JsonNode> transcripts = new ArrayList<>();
            JsonNode transcript;
            do {
                transcript = alice.nextOfType("transcript", WAIT);
                transcripts.add(transcript);
            } while (!transcript.path("final").asBoolean());
            assertThat(transcripts.get(0).path("final").asBoolean()).as("interim results come first").isFalse();
            assertThat(transcript.path("text").asText()).isEqualTo("What is the price?");

            JsonNode answer = alice.nextOfType("response", WAIT);
            assertThat(answer.path("text").asText()).isEqualTo(PRICE_REPLY);
            assertThat(answer.has("interrupted")).isFalse();
            SpokenTurn spoken = alice.awaitTurn("t2", WAIT);
            assertThat(spoken.audio().length).isEqualTo(audioOf(PRICE_REPLY));
            assertPacedInRealTime(spoken);

            alice.send("{\"type\":\"voice.stop\",\"id\":\"v2\"}");
            JsonNode stopped = alice.nextOfType("voice.stopped", WAIT);
            assertThat(stopped.path("replyTo").asText()).isEqualTo("v2");
            assertThat(stopped.path("reason").asText()).isEqualTo("stopped");
        }

        ListenRecording listen = FakeDeepgramServer.listenSessions().get(0);
        assertThat(listen.authorization()).isEqualTo("Token " + FakeDeepgramServer.API_KEY);
        assertThat(listen.param("encoding")).isEqualTo("linear16");
        assertThat(listen.param("sample_rate")).isEqualTo("16000");
        Await.until("every audio frame of the user's heard by Deepgram", listen::audioBytes,
                bytes -> bytes == price.bytes().length);
        Await.until("the listen stream closed after voice.stop", listen::closed, closed -> closed);
        assertThat(listen.receivedTypes()).contains("CloseStream");

        JsonPath turns = Await.until("the spoken turns stored", () -> conversation(conversationId),
                c -> c.getList("turns").size() == 3);
        assertThat(turns.getList("turns.role")).containsExactly("assistant", "user", "assistant");
        assertThat(turns.getList("turns.text")).containsExactly(GREETING, "What is the price?", PRICE_REPLY);
        assertThat(turns.getList("turns.interrupted")).containsExactly(false, false, false);
        assertThat(turns.<Object>get("turns[0].userToBotMs")).as("a greeting answers no one").isNull();
        assertThat(turns.<Object>get("turns[0].ttsFirstByteMs")).isNotNull();
        Map<String, Object> answered = turns.getMap("turns[2]");
        assertThat(answered).containsKeys("sttLatencyMs", "llmFirstTokenMs", "ttsFirstByteMs", "userToBotMs");
        assertThat(List.of("sttLatencyMs", "llmFirstTokenMs", "ttsFirstByteMs", "userToBotMs"))
                .allSatisfy(figure -> assertThat(((Number) answered.get(figure)).longValue()).isBetween(0L, 5000L));
        assertThat(((Number) answered.get("userToBotMs")).longValue())
                .isGreaterThanOrEqualTo(((Number) answered.get("sttLatencyMs")).longValue());
        assertThat(turns.<Object>get("turns[1].sttLatencyMs")).as("a user turn has no latencies").isNull();
    }

    @Test
    void theLanguageModelsAnswerStreamsAsTextAndSpeechAndItsFirstSentenceIsSpokenBeforeItEnds() {
        llmAgent("");
        FakeDeepgramServer.nextUtterances("What is the price?");
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.startVoice("linear16", 16000);
            AudioPacer.streamRealTime(alice::sendAudio, price.frames(), AudioFixture.FRAME);
            StringBuilder deltas = new StringBuilder();
            JsonNode frame = alice.nextOfType("response.delta", WAIT);
            while ("response.delta".equals(frame.path("type").asText())) {
                deltas.append(frame.path("delta").asText());
                frame = alice.next(WAIT);
            }
            assertThat(frame.path("type").asText()).isEqualTo("response");
            assertThat(frame.path("text").asText()).isEqualTo("Hello world").isEqualTo(deltas.toString());
            SpokenTurn spoken = alice.awaitTurn("t1", WAIT);
            assertThat(spoken.audio().length).isEqualTo(audioOf("Hello world"));
        }
        assertThat(FakeOpenAiServer.requests()).singleElement().satisfies(request -> assertThat(
                request.body().path("messages").get(1).path("content").asText()).isEqualTo("What is the price?"));
    }

    @Test
    void theUserSpeakingOverTheAgentStopsTheModelAndTheAudioAndTheTurnIsStoredAsHeard() {
        llmAgent("");
        FakeOpenAiServer.answer(Mode.ENDLESS);
        FakeOpenAiServer.pauseBetweenDeltas(Duration.ofMillis(500));
        FakeDeepgramServer.nextUtterances("What is the price?", "Stop, stop.");
        String conversationId;
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            conversationId = alice.startVoice("linear16", 16000).path("conversationId").asText();
            AudioPacer.streamRealTime(alice::sendAudio, price.frames(), AudioFixture.FRAME);
            JsonNode audioStart = alice.nextOfType("audio.start", WAIT);
            assertThat(audioStart.path("turnId").asText()).isEqualTo("t1");
            AudioPacer.streamRealTime(alice::sendAudio, silence(Duration.ofMillis(600)).frames(), AudioFixture.FRAME);

            CompletableFuture<Void> speaking = AudioPacer.streamInBackground(alice::sendAudio, stop.frames(),
                    AudioFixture.FRAME);
            SpokenTurn cut = alice.awaitTurn("t1", WAIT);
            assertThat(cut.cleared()).as("audio.clear, not audio.end").isTrue();
            long written = FakeOpenAiServer.awaitHangUp(WAIT);
            assertThat(written).as("the model's stream was closed mid-answer").isBetween(1L, 20_000L);
            alice.send("{\"type\":\"audio.played\",\"turnId\":\"t1\",\"ms\":400}");
            speaking.join();
            JsonNode interrupted = alice.nextOfType("response", WAIT);
            assertThat(interrupted.path("interrupted").asBoolean()).as("%s after %s", interrupted, alice.types())
                    .isTrue();
        }
        JsonPath turns = Await.until("the interrupted turn stored", () -> conversation(conversationId),
                c -> c.getList("turns").size() >= 2);
        assertThat(turns.getList("turns.role").subList(0, 2)).containsExactly("user", "assistant");
        assertThat(turns.getBoolean("turns[1].interrupted")).isTrue();
        String heard = turns.getString("turns[1].text");
        assertThat(FakeOpenAiServer.longText(0, heard.length())).as("what was heard is where the answer began")
                .isEqualTo(heard);
        assertThat(heard.length()).as("400 ms of speech at the fake's 60 ms per character")
                .isBetween(1, 400 / 60 + 1);
    }

    @Test
    void aRecognitionStreamThatDropsIsReconnectedAndTheConversationGoesOn() {
        FakeDeepgramServer.nextUtterances("What is the price?");
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.startVoice("linear16", 16000);
            alice.awaitTurn("t1", WAIT);
            assertThat(FakeDeepgramServer.dropListenSockets()).isEqualTo(1);
            AudioPacer.streamRealTime(alice::sendAudio, price.frames(), AudioFixture.FRAME);
            assertThat(alice.nextOfType("response", WAIT).path("text").asText()).isEqualTo(PRICE_REPLY);
            alice.awaitTurn("t2", WAIT);
        }
        assertThat(FakeDeepgramServer.listenSessionsOpened()).isEqualTo(2);
        Await.until("the audio sent while reconnecting replayed", () -> FakeDeepgramServer.listenSessions().stream()
                .mapToLong(ListenRecording::audioBytes).sum(), heard -> heard == price.bytes().length);
    }

    @Test
    void phoneQualityAudioIsHeardAndSpokenInMulawAt8kHz() {
        AudioFixture phone = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.MULAW, 8000);
        FakeDeepgramServer.nextUtterances("What is the price?");
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.startVoice("mulaw", 8000);
            SpokenTurn hello = alice.awaitTurn("t1", WAIT);
            assertThat(hello.audio().length).as("8 bytes a millisecond").isEqualTo(audioOf(GREETING) / 4);
            AudioPacer.streamRealTime(alice::sendAudio, phone.frames(), AudioFixture.FRAME);
            assertThat(alice.nextOfType("response", WAIT).path("text").asText()).isEqualTo(PRICE_REPLY);
        }
        assertThat(FakeDeepgramServer.listenSessions().get(0).param("encoding")).isEqualTo("mulaw");
        assertThat(FakeDeepgramServer.speakSessions().get(0).param("sample_rate")).isEqualTo("8000");
    }

    @Test
    void anAgentWithoutAGreetingWaitsForTheUser() {
        agent(Map.of("name", "Ada", "kind", "scripted", "greeting", "", "fallback", "Sorry?"));
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.startVoice("linear16", 16000);
            alice.send("{\"type\":\"ping\",\"id\":\"p\"}");
            assertThat(alice.next(WAIT).path("type").asText()).as("nothing spoken before the pong").isEqualTo("pong");
        }
    }

    @Test
    void closingTheSocketMidAnswerEndsTheSessionAndFreesItsSlot() {
        llmAgent("");
        FakeOpenAiServer.answer(Mode.ENDLESS);
        FakeOpenAiServer.pauseBetweenDeltas(Duration.ofMillis(500));
        FakeDeepgramServer.nextUtterances("What is the price?");
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.startVoice("linear16", 16000);
            AudioPacer.streamRealTime(alice::sendAudio, price.frames(), AudioFixture.FRAME);
            alice.nextOfType("audio.start", WAIT);
        }
        assertThat(FakeOpenAiServer.awaitHangUp(WAIT)).isBetween(1L, 20_000L);
        Await.until("the recognition and synthesis streams closed", () -> FakeDeepgramServer.listenSessions().get(0)
                .closed() && FakeDeepgramServer.speakSessions().get(0).closed(), closed -> closed);
        Await.until("no voice session left on the node", () -> given().get("/q/health/ready").then().extract()
                .jsonPath(), health -> health.getInt("checks.find { it.name == 'speech' }.data.voiceSessions") == 0);
    }

    private void assertPacedInRealTime(SpokenTurn turn) {
        long playsMs = turn.audio().length / BYTES_PER_MS;
        long spreadMs = (turn.lastAudioNanos() - turn.firstAudioNanos()) / 1_000_000;
        assertThat(spreadMs).as("audio of %d ms sent at the pace it plays, 200 ms ahead", playsMs)
                .isBetween(playsMs - 200 - 150, playsMs + 500);
    }

    /** How many bytes of linear16 16 kHz the fake Deepgram makes of this text (60 ms a character). */
    private static int audioOf(String text) {
        int chars = 0;
        for (String sentence : text.split("(?<=[.!?]) ")) {
            chars += sentence.length();
        }
        return chars * 60 * BYTES_PER_MS;
    }

    private AudioFixture silence(Duration length) {
        return AudioFixture.silence(AudioEncoding.LINEAR16, 16000, length);
    }

    private void llmAgent(String greeting) {
        agent(Map.of("name", "Ada", "kind", "llm", "greeting", greeting, "systemPrompt", "You are Ada.",
                "model", "test-model", "fallback", "unused"));
    }

    private void agent(Map<String, Object> body) {
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey()).body(body)
                .put("/api/v1/agents/default").then().statusCode(200);
    }

    private JsonPath conversation(String id) {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}

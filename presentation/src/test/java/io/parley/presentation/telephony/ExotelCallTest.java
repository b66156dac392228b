package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.ListenRecording;
import io.parley.presentation.support.SpeakRecording;
import io.parley.presentation.support.WireClient;
import io.parley.presentation.support.exotel.ExotelCallSimulator;
import io.parley.presentation.support.exotel.VoicebotStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A phone call end to end, as Exotel's voicebot applet places it: the stream authenticated with the account's
 * API key and token, the caller's PCM in 100 ms chunks at real-time pace (straight to the fake Deepgram), the
 * agent's audio back in chunks Exotel takes, the greeting and an answer heard, a barge-in, a key press, a
 * hang-up from either side, and the call and its conversation read back over the REST API.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
class ExotelCallTest {

    static final String GREETING = "Hello! You are through to Ada. How can I help you today?";
    /** Long enough (4.5 s of fake speech) that the barge-in always lands mid-answer, even on a busy machine. */
    static final String PRICE_REPLY = "Plans start at ten euros a month and include calls, recordings and support.";
    static final String FALLBACK = "Sorry?";
    static final String GOODBYE = "Goodbye!";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URI base;

    ExotelTenant tenant;

    @BeforeEach
    void tenantWithAnExotelAccount() {
        FakeDeepgramServer.reset();
        tenant = ExotelTenant.create(Map.of("name", "Ada", "kind", "scripted", "greeting", GREETING,
                "fallback", FALLBACK, "rules", List.of(Map.of("keywords", List.of("price"), "reply", PRICE_REPLY),
                        Map.of("keywords", List.of("goodbye"), "reply", GOODBYE, "action", "hangup"))));
    }

    @Test
    void aCallAtTheDefaultRateIsHeardInterruptedAndStoredWhenExotelStops() {
        FakeDeepgramServer.nextUtterances("What is the price?", "Stop, stop.");
        ExotelCallSimulator call = tenant.call(base.getPort());
        try (VoicebotStream stream = call.connect()) {
            stream.connected();
            stream.start();
            Await.until("the whole greeting heard", () -> heardOf(stream, "t1"), ms -> ms >= spokenMs(GREETING));
            stream.speak(ExotelCallSimulator.speech(AudioFixture.PRICE, 8000));
            Await.until("the answer starts to be heard", () -> heardOf(stream, "t2"), ms -> ms >= 100);
            stream.speak(ExotelCallSimulator.speech(AudioFixture.STOP, 8000));
            Await.until("the caller's barge-in clears the answer", stream::clearsReceived, clears -> clears >= 1);
            stream.stop();
            WireClient.Close closed = stream.awaitClose(WAIT);
            assertThat(closed.code()).as("closed with %s", closed).isEqualTo(1000);
            assertSpokenInExotelChunks(stream);
        }
        assertDeepgramAskedFor(8000);

        JsonPath calls = completedCalls();
        assertThat(calls.getString("items[0].provider")).isEqualTo("exotel");
        assertThat(calls.getString("items[0].providerCallId")).isEqualTo(call.callSid());
        assertThat(calls.getString("items[0].from")).isEqualTo(call.from());
        assertThat(calls.getString("items[0].to")).isEqualTo(call.to());
        assertThat(calls.getString("items[0].direction")).isEqualTo("inbound");
        assertThat(calls.getList("items[0].history.status")).containsExactly("in-progress", "completed");
        JsonPath conversation = conversation(calls.getString("items[0].conversationId"));
        assertThat(conversation.getString("channel")).isEqualTo("phone");
        assertThat(conversation.getString("status")).isEqualTo("ended");
        List<String> texts = conversation.getList("turns.text");
        assertThat(texts.get(0)).isEqualTo(GREETING);
        assertThat(texts).contains("What is the price?");
        assertThat(conversation.getList("turns.interrupted")).contains(true);
    }

    @Test
    void aCallAt16kHzTakesAKeyPressAndEndsWhenTheAgentHangsUp() {
        FakeDeepgramServer.nextUtterances("Goodbye then.");
        ExotelCallSimulator call = tenant.call(base.getPort()).sampleRate(16000);
        try (VoicebotStream stream = call.connect()) {
            stream.connected();
            stream.start();
            Await.until("the whole greeting heard", () -> heardOf(stream, "t1"), ms -> ms >= spokenMs(GREETING));
            stream.dtmf('1');
            Await.until("the answer to the key heard", () -> heardOf(stream, "t2"), ms -> ms >= spokenMs(FALLBACK));
            stream.speak(ExotelCallSimulator.speech(AudioFixture.PRICE, 16000));
            WireClient.Close closed = stream.awaitClose(WAIT);
            assertThat(closed.code()).as("the agent hung up: %s", closed).isEqualTo(1000);
            assertThat(heardOf(stream, "t3")).as("closed once the goodbye was heard")
                    .isGreaterThanOrEqualTo(spokenMs(GOODBYE));
            assertSpokenInExotelChunks(stream);
        }
        assertDeepgramAskedFor(16000);

        JsonPath calls = completedCalls();
        assertThat(calls.getString("items[0].provider")).isEqualTo("exotel");
        JsonPath conversation = conversation(calls.getString("items[0].conversationId"));
        assertThat(conversation.getString("status")).isEqualTo("ended");
        assertThat(conversation.getList("turns.text", String.class))
                .containsSubsequence(GREETING, "[DTMF 1]", FALLBACK, "Goodbye then.", GOODBYE);
    }

    /** Every audio chunk Parley sent is one Exotel plays: a multiple of 320 bytes, 3.2 kB to 100 kB. */
    private static void assertSpokenInExotelChunks(VoicebotStream stream) {
        List<byte[]> payloads = stream.payloadsReceived();
        assertThat(payloads).isNotEmpty().allSatisfy(payload -> assertThat(payload.length)
                .as("a chunk's bytes").isBetween(3200, 100_000)
                .matches(bytes -> bytes % 320 == 0, "a multiple of 320"));
        assertThat(stream.received()).allSatisfy(message -> {
            assertThat(message.event()).isIn("media", "mark", "clear");
            assertThat(message.json().path("stream_sid").asText()).isEqualTo(stream.streamSid());
        });
    }

    /** The call's audio went to Deepgram as it came: 16-bit PCM at the stream's rate, and back the same. */
    private static void assertDeepgramAskedFor(int sampleRate) {
        ListenRecording listen = FakeDeepgramServer.listenSessions().get(0);
        assertThat(listen.param("encoding")).isEqualTo("linear16");
        assertThat(listen.param("sample_rate")).isEqualTo(Integer.toString(sampleRate));
        SpeakRecording speak = FakeDeepgramServer.speakSessions().get(0);
        assertThat(speak.param("encoding")).isEqualTo("linear16");
        assertThat(speak.param("sample_rate")).isEqualTo(Integer.toString(sampleRate));
    }

    /** The tenant's one call, once its end is stored (it is, just after the stream closes). */
    private JsonPath completedCalls() {
        JsonPath calls = Await.until("the call stored as completed", () -> given().header("X-Api-Key", tenant.apiKey())
                .get("/api/v1/calls").then().statusCode(200).extract().jsonPath(),
                found -> "completed".equals(found.getString("items[0].status")));
        assertThat(calls.getList("items")).hasSize(1);
        return calls;
    }

    private JsonPath conversation(String id) {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** How far into a turn the caller has heard, by the marks Exotel echoed. */
    private static long heardOf(VoicebotStream stream, String turnId) {
        return stream.marksEchoed().stream().map(VoicebotStream.EchoedMark::name)
                .filter(name -> name.startsWith(turnId + ".")).mapToLong(name -> Long.parseLong(name.substring(
                        name.indexOf('.') + 1))).max().orElse(0);
    }

    /** How long the fake Deepgram's speech of this text lasts: 60 ms a character, sentence by sentence. */
    private static long spokenMs(String text) {
        long chars = 0;
        for (String sentence : text.split("(?<=[.!?]) ")) {
            chars += sentence.length();
        }
        return chars * 60;
    }
}

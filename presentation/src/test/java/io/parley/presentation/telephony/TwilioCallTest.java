package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.ListenRecording;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.WireClient;
import io.parley.presentation.support.twilio.MediaStream;
import io.parley.presentation.support.twilio.TwilioCallSimulator;
import io.parley.presentation.support.twilio.Twiml;
import io.parley.presentation.support.twilio.WebhookResponse;
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
 * A phone call end to end, as Twilio places it: the signed voice webhook answered with TwiML, the
 * media stream at real-time pace (μ-law 8 kHz straight to the fake Deepgram), the greeting and an
 * answer heard, the caller barging in, the agent hanging up, the status callbacks, and the call and
 * its conversation read back over the REST API.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
class TwilioCallTest {

    static final String PUBLIC = TwilioTenant.PUBLIC;
    static final String GREETING = "Hello! You are through to Ada. How can I help you today?";
    /** Long enough (4.5 s of fake speech) that the barge-in always lands mid-answer, even on a busy machine. */
    static final String PRICE_REPLY = "Plans start at ten euros a month and include calls, recordings and support.";
    static final String GOODBYE = "Goodbye!";
    static final String KEY_REPLY = "You pressed one.";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URI base;

    TwilioTenant tenant;
    AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.MULAW, 8000);
    AudioFixture stop = AudioFixture.load(AudioFixture.STOP, AudioEncoding.MULAW, 8000);

    @BeforeEach
    void tenantWithATwilioNumber() {
        FakeDeepgramServer.reset();
        tenant = TwilioTenant.create(Map.of("name", "Ada", "kind", "scripted", "greeting", GREETING,
                "fallback", "Sorry?", "rules", List.of(Map.of("keywords", List.of("price"), "reply", PRICE_REPLY),
                        Map.of("keywords", List.of("goodbye"), "reply", GOODBYE, "action", "hangup"),
                        Map.of("keywords", List.of("dtmf 1"), "reply", KEY_REPLY))));
    }

    @Test
    void aCallIsAnsweredHeardInterruptedHungUpByTheAgentAndStored() {
        FakeDeepgramServer.nextUtterances("What is the price?", "Stop, stop.", "Goodbye then.");
        TwilioCallSimulator call = tenant.dial(base.getPort());
        WebhookResponse answered = call.incomingCall();
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        Twiml twiml = call.twiml();
        assertThat(twiml.stream()).hasValueSatisfying(stream -> {
            assertThat(stream.url()).isEqualTo("wss://voice.example.test/telephony/twilio/media");
            assertThat(stream.statusCallback()).contains(PUBLIC + "/telephony/twilio/stream-status");
            assertThat(stream.parameters()).containsKey("callToken");
        });
        assertThat(twiml.verbs()).as("the call hangs up when Parley ends the stream").endsWith("Hangup");

        try (MediaStream media = call.connect()) {
            media.connected();
            media.start();
            Await.until("the whole greeting heard", () -> heardOf(media, "t1"), ms -> ms >= spokenMs(GREETING));
            media.speak(price);
            Await.until("the answer starts to be heard", () -> heardOf(media, "t2"), ms -> ms >= 100);
            media.speak(stop);
            Await.until("the caller's barge-in clears the answer", media::clearsReceived, clears -> clears >= 1);
            media.silence(Duration.ofMillis(500));
            media.speak(stop);
            WireClient.Close closed = media.awaitClose(WAIT);
            assertThat(closed.code()).as("the agent hung up after saying goodbye").isEqualTo(1000);
        }
        assertThat(call.postStreamStatus("stream-stopped").status()).isEqualTo(204);
        assertThat(call.postStatus("completed", Map.of("CallDuration", "21")).status()).isEqualTo(204);
        assertThat(call.postStatus("completed", Map.of("CallDuration", "21")).status())
                .as("a replayed callback is harmless").isEqualTo(204);

        ListenRecording listen = FakeDeepgramServer.listenSessions().get(0);
        assertThat(listen.param("encoding")).isEqualTo("mulaw");
        assertThat(listen.param("sample_rate")).isEqualTo("8000");

        JsonPath calls = given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/calls").then().statusCode(200)
                .extract().jsonPath();
        assertThat(calls.getList("items")).hasSize(1);
        assertThat(calls.getString("items[0].providerCallId")).isEqualTo(call.callSid());
        assertThat(calls.getString("items[0].status")).isEqualTo("completed");
        assertThat(calls.getList("items[0].history.status")).containsExactly("ringing", "completed");
        assertThat(calls.getLong("items[0].durationSeconds")).isEqualTo(21);
        assertThat(calls.getString("items[0].to")).isEqualTo(tenant.number());
        String conversationId = calls.getString("items[0].conversationId");
        JsonPath conversation = given().header("X-Api-Key", tenant.apiKey())
                .get("/api/v1/conversations/" + conversationId).then().statusCode(200).extract().jsonPath();
        assertThat(conversation.getString("channel")).isEqualTo("phone");
        assertThat(conversation.getString("status")).isEqualTo("ended");
        List<String> texts = conversation.getList("turns.text");
        assertThat(texts.get(0)).isEqualTo(GREETING);
        assertThat(texts).contains("What is the price?", GOODBYE);
        assertThat(conversation.getList("turns.interrupted")).contains(true);
        int answer = texts.indexOf("What is the price?") + 1;
        assertThat(List.of("sttLatencyMs", "llmFirstTokenMs", "ttsFirstByteMs", "userToBotMs"))
                .as("the answer to the caller is stored with its latencies")
                .allSatisfy(figure -> assertThat(conversation.<Object>get("turns[" + answer + "]." + figure))
                        .isNotNull());
    }

    @Test
    void aKeyPressIsATurnTheAgentAnswersAndOnlyItsTenantSeesTheCall() {
        TwilioCallSimulator call = tenant.dial(base.getPort());
        call.incomingCall();
        try (MediaStream media = call.connect()) {
            media.start();
            Await.until("the whole greeting heard", () -> heardOf(media, "t1"), ms -> ms >= spokenMs(GREETING));
            media.dtmf('1');
            Await.until("the answer to the key heard", () -> heardOf(media, "t2"), ms -> ms >= spokenMs(KEY_REPLY));
        }
        JsonPath calls = given().header("X-Api-Key", tenant.apiKey()).queryParam("status", "ringing")
                .get("/api/v1/calls").then().statusCode(200).extract().jsonPath();
        String callId = calls.getString("items[0].id");
        String conversationId = calls.getString("items[0].conversationId");
        JsonPath conversation = Await.until("the key's turns stored", () -> given().header("X-Api-Key",
                tenant.apiKey()).get("/api/v1/conversations/" + conversationId).then().statusCode(200).extract()
                .jsonPath(), c -> c.getList("turns").size() >= 3);
        assertThat(conversation.getList("turns.text")).containsExactly(GREETING, "[DTMF 1]", KEY_REPLY);
        given().header("X-Api-Key", tenant.apiKey()).queryParam("status", "completed").get("/api/v1/calls")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().header("X-Api-Key", tenant.apiKey()).queryParam("status", "sideways").get("/api/v1/calls")
                .then().statusCode(400);
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/calls/" + callId).then().statusCode(200)
                .body("providerCallId", org.hamcrest.Matchers.equalTo(call.callSid()));
        Parley.TenantAccess other = Parley.newTenant();
        given().header("X-Api-Key", other.apiKey()).get("/api/v1/calls/" + callId).then().statusCode(404);
        given().header("X-Api-Key", other.apiKey()).get("/api/v1/calls").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void theAgentSpeaksInMediaEventsOfAtLeastATenthOfASecondEachFollowedByItsMark() {
        TwilioCallSimulator call = tenant.dial(base.getPort());
        call.incomingCall();
        try (MediaStream media = call.connect()) {
            media.start();
            Await.until("the whole greeting heard", () -> heardOf(media, "t1"), ms -> ms >= spokenMs(GREETING));
            List<MediaStream.ServerMessage> spoken = media.received().stream()
                    .filter(message -> message.event().equals("media") || message.event().equals("mark")).toList();
            List<Integer> sizes = new java.util.ArrayList<>();
            for (int i = 0; i < spoken.size(); i++) {
                if (spoken.get(i).event().equals("media")) {
                    sizes.add(java.util.Base64.getDecoder().decode(spoken.get(i).json().path("media")
                            .path("payload").asText()).length);
                    assertThat(i + 1 < spoken.size() && spoken.get(i + 1).event().equals("mark"))
                            .as("media event %d is followed by its mark", sizes.size()).isTrue();
                }
            }
            assertThat(sizes).hasSizeGreaterThan(2);
            assertThat(sizes.subList(0, sizes.size() - 1)).as("every media event but the turn's last")
                    .allSatisfy(bytes -> assertThat(bytes).isGreaterThanOrEqualTo(800));
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).as("the whole greeting, once")
                    .isEqualTo(media.audioReceived().length);
        }
    }

    @Test
    void anUnknownNumberIsToldPolitelyAndHungUp() {
        TwilioCallSimulator call = TwilioCallSimulator.dial(PUBLIC, base.getPort(), tenant.authToken(),
                tenant.accountSid(), "+15557654321", "+15550000000");
        WebhookResponse answered = call.incomingCall();
        assertThat(answered.status()).isEqualTo(200);
        assertThat(call.twiml().say()).isPresent();
        assertThat(call.twiml().verbs()).containsExactly("Say", "Hangup");
    }

    /** How far into a turn the caller has heard, by the marks Twilio echoed. */
    private static long heardOf(MediaStream media, String turnId) {
        return media.marksEchoed().stream().map(MediaStream.EchoedMark::name)
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

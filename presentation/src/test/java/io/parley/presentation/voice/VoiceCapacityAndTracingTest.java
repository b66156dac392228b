package io.parley.presentation.voice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.AudioPacer;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.VoiceClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node at its voice-session cap refuses more with voice_busy; every spoken turn is one traced span tree. */
@QuarkusTest
@TestProfile(SmallVoiceNodeProfile.class)
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
class VoiceCapacityAndTracingTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    @Inject
    InMemorySpanExporter spans;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        FakeDeepgramServer.reset();
        spans.reset();
        tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body(Map.of("name", "Ada", "kind", "scripted", "greeting", "Hi.", "fallback", "Sorry?",
                        "rules", List.of(Map.of("keywords", List.of("price"), "reply", "Ten euros."))))
                .put("/api/v1/agents/default").then().statusCode(200);
    }

    @Test
    void aNodeAtItsVoiceSessionCapAnswersVoiceBusyUntilOneEnds() {
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice");
                VoiceClient bob = VoiceClient.connect(base, tenant, "bob")) {
            alice.startVoice("linear16", 16000);
            bob.send("{\"type\":\"voice.start\",\"id\":\"b1\",\"encoding\":\"linear16\",\"sampleRate\":16000}");
            JsonNode busy = bob.nextOfType("error", WAIT);
            assertThat(busy.path("code").asText()).isEqualTo("voice_busy");
            assertThat(busy.path("replyTo").asText()).isEqualTo("b1");
            assertThat(busy.path("message").asText()).contains("(1)");

            alice.send("{\"type\":\"voice.stop\",\"id\":\"v2\"}");
            alice.nextOfType("voice.stopped", WAIT);
            JsonNode started = bob.startVoice("linear16", 16000);
            assertThat(started.path("conversationId").asText()).isNotBlank();
        }
    }

    @Test
    void everySpokenTurnIsOneSpanWithSttLlmAndTtsChildrenCarryingItsLatencies() {
        FakeDeepgramServer.nextUtterances("What is the price?");
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.LINEAR16, 16000);
        String conversationId;
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            conversationId = alice.startVoice("linear16", 16000).path("conversationId").asText();
            alice.awaitTurn("t1", WAIT);
            AudioPacer.streamRealTime(alice::sendAudio, price.frames(), AudioFixture.FRAME);
            alice.awaitTurn("t2", WAIT);
        }
        List<SpanData> turns = Await.until("both turns traced", () -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("voice.turn") && conversationId.equals(span.getAttributes()
                        .get(AttributeKey.stringKey("parley.conversation.id")))).toList(), found -> found.size() == 2);
        SpanData answer = turns.stream().filter(span -> "t2".equals(span.getAttributes().get(
                AttributeKey.stringKey("parley.turn.id")))).findFirst().orElseThrow();
        assertThat(answer.getAttributes().get(AttributeKey.stringKey("parley.conversation.id")))
                .isEqualTo(conversationId);
        assertThat(answer.getAttributes().get(AttributeKey.booleanKey("parley.turn.interrupted"))).isFalse();
        assertThat(answer.getAttributes().get(AttributeKey.longKey("parley.user_to_bot_ms"))).isNotNull();
        List<SpanData> children = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getParentSpanId().equals(answer.getSpanId())).toList();
        assertThat(children).extracting(SpanData::getName).containsExactlyInAnyOrder("stt", "llm", "tts");
        assertThat(children).allSatisfy(child -> assertThat(child.getTraceId()).isEqualTo(answer.getTraceId()));
        assertThat(attribute(children, "stt", "parley.stt.latency_ms")).isNotNull();
        assertThat(attribute(children, "llm", "parley.llm.first_token_ms")).isNotNull();
        assertThat(attribute(children, "tts", "parley.tts.first_byte_ms")).isNotNull();

        Map<String, Object> turn = given().header("X-Api-Key", tenant.apiKey())
                .get("/api/v1/conversations/" + conversationId).then().statusCode(200).extract().jsonPath()
                .getMap("turns[2]");
        assertThat(((Number) turn.get("sttLatencyMs")).longValue())
                .isEqualTo(attribute(children, "stt", "parley.stt.latency_ms"));
        assertThat(((Number) turn.get("userToBotMs")).longValue())
                .isEqualTo(answer.getAttributes().get(AttributeKey.longKey("parley.user_to_bot_ms")));
    }

    private static Long attribute(List<SpanData> spans, String name, String key) {
        return spans.stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow().getAttributes()
                .get(AttributeKey.longKey(key));
    }
}

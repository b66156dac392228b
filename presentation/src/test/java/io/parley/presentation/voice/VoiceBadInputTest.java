package io.parley.presentation.voice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.FakeOpenAiServer;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.VoiceClient;
import io.parley.presentation.support.WireClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every voice frame a client can get wrong, and every refusal of Deepgram, gets its documented error. */
@QuarkusTest
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeOpenAiServer.class, restrictToAnnotatedClass = true)
class VoiceBadInputTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        FakeDeepgramServer.reset();
        tenant = Parley.newTenant();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"voice.start\",\"id\":\"x\",\"encoding\":\"opus\",\"sampleRate\":16000} | one of linear16, mulaw",
        "{\"type\":\"voice.start\",\"id\":\"x\",\"sampleRate\":16000} | one of linear16, mulaw",
        "{\"type\":\"voice.start\",\"id\":\"x\",\"encoding\":\"linear16\",\"sampleRate\":44100} | 8000, 16000, 24000, 48000",
        "{\"type\":\"voice.start\",\"id\":\"x\",\"encoding\":\"linear16\",\"sampleRate\":\"16000\"} | 8000, 16000, 24000, 48000",
        "{\"type\":\"voice.start\",\"id\":\"x\",\"encoding\":\"linear16\"} | 8000, 16000, 24000, 48000",
        "{\"type\":\"voice.start\",\"id\":\"x\",\"encoding\":\"linear16\",\"sampleRate\":16000,\"language\":\"en us!\"} | language code",
        "{\"type\":\"audio.played\",\"id\":\"x\",\"turnId\":\"t1\"} | \"ms\" is required",
        "{\"type\":\"audio.played\",\"id\":\"x\",\"turnId\":\"t1\",\"ms\":-5} | \"ms\" is required",
        "{\"type\":\"audio.played\",\"id\":\"x\",\"ms\":100} | \"turnId\" is required",
        "{\"type\":\"voice.stop\",\"id\":\"x\"} | no voice session is running"
    })
    void aMalformedVoiceFrameIsAnsweredWithInvalidMessageSayingWhatIsAllowed(String frame, String explanation) {
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.send(frame);
            JsonNode error = alice.nextOfType("error", WAIT);
            assertThat(error.path("code").asText()).isEqualTo("invalid_message");
            assertThat(error.path("replyTo").asText()).isEqualTo("x");
            assertThat(error.path("message").asText()).contains(explanation);
        }
        assertThat(FakeDeepgramServer.listenSessionsOpened()).as("nothing reached Deepgram").isZero();
    }

    @Test
    void audioWithoutAVoiceSessionIsRefusedOnceASecondNotOnceAFrame() {
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            for (int i = 0; i < 20; i++) {
                alice.sendAudio(new byte[640]);
            }
            alice.send("{\"type\":\"ping\",\"id\":\"p\"}");
            JsonNode error = alice.next(WAIT);
            assertThat(error.path("code").asText()).isEqualTo("invalid_message");
            assertThat(error.path("message").asText()).contains("no voice session");
            assertThat(alice.next(WAIT).path("type").asText()).as("one error for the burst, then the pong")
                    .isEqualTo("pong");
        }
    }

    @Test
    void aSecondVoiceStartAndAnEndWhileSpeakingAreRefusedWithVoiceActive() {
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.startVoice("linear16", 16000);
            alice.send("{\"type\":\"voice.start\",\"id\":\"again\",\"encoding\":\"mulaw\",\"sampleRate\":8000}");
            JsonNode again = alice.nextOfType("error", WAIT);
            assertThat(again.path("code").asText()).isEqualTo("voice_active");
            assertThat(again.path("replyTo").asText()).isEqualTo("again");
            alice.send("{\"type\":\"end\",\"id\":\"e\"}");
            JsonNode end = alice.nextOfType("error", WAIT);
            assertThat(end.path("code").asText()).isEqualTo("voice_active");
            assertThat(end.path("replyTo").asText()).isEqualTo("e");

            alice.send("{\"type\":\"voice.stop\",\"id\":\"s\"}");
            alice.nextOfType("voice.stopped", WAIT);
            alice.send("{\"type\":\"end\",\"id\":\"e2\"}");
            assertThat(alice.nextOfType("ended", WAIT).path("replyTo").asText())
                    .as("the conversation ends once the voice session stopped").isEqualTo("e2");
        }
    }

    @Test
    void audioSentRightAfterVoiceStartIsKeptUntilTheSessionRunsAndHeard() {
        AudioFixture price = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.LINEAR16, 16000);
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.send("{\"type\":\"voice.start\",\"id\":\"v1\",\"encoding\":\"linear16\",\"sampleRate\":16000}");
            price.frames().subList(0, 25).forEach(alice::sendAudio);
            alice.nextOfType("voice.started", WAIT);
            assertThat(alice.read()).as("no error for audio sent before voice.started")
                    .noneMatch(frame -> "error".equals(frame.type()));
        }
        Await.until("all 25 frames heard by Deepgram", () -> FakeDeepgramServer.listenSessions().get(0).audioBytes(),
                bytes -> bytes == 25 * 640);
    }

    @Test
    void aBinaryFrameOverTheFrameLimitClosesTheSocketWith1009() {
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.startVoice("linear16", 16000);
            alice.sendAudio(new byte[65537]);
            WireClient.Close close = alice.awaitClose(WAIT);
            assertThat(close.code()).isEqualTo(1009);
        }
    }

    @Test
    void deepgramRefusingTheKeyMakesVoiceUnavailableSayingSo() {
        FakeDeepgramServer.refuseUpgrades(401);
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.send("{\"type\":\"voice.start\",\"id\":\"v1\",\"encoding\":\"linear16\",\"sampleRate\":16000}");
            JsonNode error = alice.nextOfType("error", WAIT);
            assertThat(error.path("code").asText()).isEqualTo("voice_unavailable");
            assertThat(error.path("replyTo").asText()).isEqualTo("v1");
            assertThat(error.path("message").asText()).contains("refused the API key");
            assertThat(error.path("message").asText()).doesNotContain(FakeDeepgramServer.API_KEY);

            FakeDeepgramServer.acceptUpgrades();
            alice.startVoice("linear16", 16000);
        }
    }

    @Test
    void deepgramDownMakesVoiceUnavailableWithTheReasonAndTextGoesOn() {
        FakeDeepgramServer.refuseUpgrades(503);
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.send("{\"type\":\"voice.start\",\"id\":\"v1\",\"encoding\":\"linear16\",\"sampleRate\":16000}");
            JsonNode error = alice.nextOfType("error", WAIT);
            assertThat(error.path("code").asText()).isEqualTo("voice_unavailable");
            assertThat(error.path("message").asText()).contains("503");
            alice.send("{\"type\":\"message\",\"id\":\"m\",\"text\":\"hello\"}");
            assertThat(alice.nextOfType("response", WAIT).path("replyTo").asText()).isEqualTo("m");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}

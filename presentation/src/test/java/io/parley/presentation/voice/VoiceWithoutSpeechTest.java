package io.parley.presentation.voice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.VoiceClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A node without a Deepgram key: voice is refused saying what to configure, the node stays ready, text works. */
@QuarkusTest
class VoiceWithoutSpeechTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void voiceStartIsUnavailableNamingTheSettingAndEverythingElseWorks() {
        TenantAccess tenant = Parley.newTenant();
        try (VoiceClient alice = VoiceClient.connect(base, tenant, "alice")) {
            alice.send("{\"type\":\"voice.start\",\"id\":\"v1\",\"encoding\":\"linear16\",\"sampleRate\":16000}");
            JsonNode error = alice.nextOfType("error", Duration.ofSeconds(5));
            assertThat(error.path("code").asText()).isEqualTo("voice_unavailable");
            assertThat(error.path("replyTo").asText()).isEqualTo("v1");
            assertThat(error.path("message").asText()).contains("parley.deepgram.api-key");
            alice.send("{\"type\":\"message\",\"id\":\"m\",\"text\":\"hello\"}");
            assertThat(alice.nextOfType("response", Duration.ofSeconds(5)).path("replyTo").asText()).isEqualTo("m");
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'speech' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'speech' }.data.configured", equalTo(false));
    }
}

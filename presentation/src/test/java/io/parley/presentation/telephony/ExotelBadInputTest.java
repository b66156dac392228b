package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.WireClient;
import io.parley.presentation.support.exotel.ExotelCallSimulator;
import io.parley.presentation.support.exotel.VoicebotStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything Exotel (or someone pretending to be Exotel) can get wrong on a voicebot stream: each gets its
 * documented answer — 401 or 400 at the upgrade, a close code on the stream — an audit event where it is an
 * attack, and no call stored from a refused stream.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
class ExotelBadInputTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    ExotelTenant tenant;

    @BeforeEach
    void tenantWithAnExotelAccount() {
        FakeDeepgramServer.reset();
        tenant = ExotelTenant.create(Map.of("name", "Ada", "kind", "scripted", "greeting", "Hi.",
                "fallback", "Sorry?", "rules", List.of()));
    }

    @Test
    void anUpgradeWithoutOrWithWrongCredentialsIsUnauthorizedAndTheWrongOnesAudited() {
        assertRefused(tenant.call(base.getPort()).noCredentials(), 401);
        assertRefused(tenant.call(base.getPort()).credentials(tenant.exotelKey(), "wrong-token-123"), 401);
        assertRefused(tenant.call(base.getPort()).credentials("unknown" + ExotelCallSimulator.newSid(),
                tenant.exotelToken()), 401);
        assertThat(calls()).isEmpty();
        Map<String, Object> refusal = Parley.awaitSessionEvent(tenant.access(), "the wrong token audited",
                event -> "call_refused".equals(event.get("type"))
                        && String.valueOf(event.get("reason")).contains("API token does not match"));
        assertThat(refusal.toString()).doesNotContain("wrong-token-123").doesNotContain(tenant.exotelToken());
    }

    @Test
    void aSampleRateExotelDoesNotOfferIsABadRequest() {
        for (String query : List.of("sample-rate=11025", "sample-rate=8k", "sample-rate=48000",
                "sample-rate=8000&sample-rate=16000")) {
            assertRefused(tenant.call(base.getPort()).query(query), 400);
        }
    }

    @Test
    void aStartNamingAnotherAccountIsClosedAndAudited() {
        ExotelCallSimulator foreign = ExotelCallSimulator.call(base.getPort(), "another" + ExotelCallSimulator.newSid(),
                "09876543210", "08047112233").credentials(tenant.exotelKey(), tenant.exotelToken());
        try (VoicebotStream stream = foreign.connect()) {
            stream.connected();
            stream.start();
            assertClosed(stream, 1008, "account_sid");
        }
        assertThat(calls()).isEmpty();
        Parley.awaitSessionEvent(tenant.access(), "the foreign account_sid audited",
                event -> "call_refused".equals(event.get("type"))
                        && String.valueOf(event.get("reason")).contains("account_sid"));
    }

    @Test
    void eventsOutOfProtocolCloseTheStream() {
        ExotelCallSimulator call = tenant.call(base.getPort());
        try (VoicebotStream stream = call.connect()) {
            stream.media(new byte[3200]);
            assertClosed(stream, 1008, "media before start");
        }
        try (VoicebotStream stream = call.connect()) {
            stream.send("{not json");
            assertClosed(stream, 1007, "JSON");
        }
        try (VoicebotStream stream = call.connect()) {
            stream.start(start -> ((ObjectNode) start.get("media_format")).put("sample_rate", "16000"));
            assertClosed(stream, 1003, "8000 Hz");
        }
        assertThat(calls()).as("no call from a stream that never started properly").isEmpty();
        try (VoicebotStream stream = call.connect()) {
            stream.start();
            stream.start();
            assertClosed(stream, 1008, "start came twice");
        }
    }

    @Test
    void oversizedAudioClosesTheStreamAndEndsTheCall() {
        ExotelCallSimulator call = tenant.call(base.getPort());
        try (VoicebotStream stream = call.connect()) {
            stream.start();
            Await.until("the greeting's audio", () -> stream.payloadsReceived().size(), chunks -> chunks > 0);
            stream.media(new byte[100_320]);
            assertClosed(stream, 1009, "too large");
        }
        Await.until("the call ended with its stream", () -> calls(),
                found -> found.size() == 1 && "completed".equals(found.get(0).get("status")));
    }

    @Test
    void aSecondStreamOfTheSameCallIsRefused() {
        ExotelCallSimulator call = tenant.call(base.getPort());
        try (VoicebotStream first = call.connect()) {
            first.start();
            Await.until("the greeting's audio", () -> first.payloadsReceived().size(), chunks -> chunks > 0);
            try (VoicebotStream second = call.connect()) {
                second.start();
                assertClosed(second, 1008, "already has a stream");
            }
            assertThat(calls()).hasSize(1);
            assertThat(calls().get(0).get("status")).as("the call goes on").isEqualTo("in-progress");
        }
    }

    private static void assertRefused(ExotelCallSimulator call, int status) {
        assertThatThrownBy(call::connect).isInstanceOfSatisfying(VoicebotStream.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(status));
    }

    private static void assertClosed(VoicebotStream stream, int code, String reason) {
        WireClient.Close close = stream.awaitClose(WAIT);
        assertThat(close.code()).as("closed with %s", close).isEqualTo(code);
        assertThat(close.reason()).contains(reason);
    }

    private List<Map<String, Object>> calls() {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/calls").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}

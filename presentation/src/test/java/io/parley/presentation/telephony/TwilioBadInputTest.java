package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.presentation.support.Await;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.WireClient;
import io.parley.presentation.support.twilio.MediaStream;
import io.parley.presentation.support.twilio.Tamper;
import io.parley.presentation.support.twilio.TwilioCallSimulator;
import io.parley.presentation.support.twilio.WebhookResponse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything Twilio (or someone pretending to be Twilio) can get wrong: each gets its documented answer
 * — 403 for a bad signature, 404 for an unknown call, a close code on the media stream — an audit
 * event where it is an attack, and no call stored from a refused request.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
class TwilioBadInputTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    TwilioTenant tenant;

    @BeforeEach
    void tenantWithATwilioNumber() {
        FakeDeepgramServer.reset();
        tenant = TwilioTenant.create(Map.of("name", "Ada", "kind", "scripted", "greeting", "Hi.",
                "fallback", "Sorry?", "rules", List.of()));
    }

    @Test
    void aVoiceWebhookWithoutOrWithAWrongSignatureIsForbiddenAuditedAndStoresNothing() {
        for (Tamper tamper : List.of(Tamper.noSignature(), Tamper.wrongToken(), Tamper.alter("From", "+15550009999"),
                Tamper.alter("To", tenant.number() + "0"))) {
            WebhookResponse answer = tenant.dial(base.getPort()).tamper(tamper).incomingCall();
            assertThat(answer.status()).as(answer.body()).isIn(200, 403);
            if (answer.status() == 200) {
                assertThat(answer.body()).as("a changed To is an unknown number").contains("<Say>");
            }
        }
        assertThat(tenant.dial(base.getPort()).tamper(Tamper.noSignature()).incomingCall().body())
                .contains("X-Twilio-Signature is missing");
        assertThat(calls()).isEmpty();
        Parley.awaitSessionEvent(tenant.access(), "the refused webhook audited",
                event -> "call_refused".equals(event.get("type"))
                        && String.valueOf(event.get("reason")).contains("X-Twilio-Signature"));
    }

    @Test
    void statusCallbacksNeedTheCallsSignatureAndAKnownCall() {
        TwilioCallSimulator call = tenant.dial(base.getPort());
        assertThat(call.incomingCall().status()).isEqualTo(200);
        assertThat(call.tamper(Tamper.wrongToken()).postStatus("completed", Map.of()).status()).isEqualTo(403);
        assertThat(call.tamper(Tamper.none()).postStatus("completed", Map.of("CallSid",
                TwilioCallSimulator.newSid("CA"))).status()).isEqualTo(404);
        assertThat(call.postStatus("sideways", Map.of()).status()).isEqualTo(400);
        assertThat(call.postStatus("in-progress", Map.of()).status()).isEqualTo(204);
        assertThat(calls().get(0).get("status")).as("the forged completion changed nothing").isEqualTo("in-progress");
    }

    @Test
    void aMediaStreamUpgradeWithoutASignatureIsRefused() {
        TwilioCallSimulator call = tenant.dial(base.getPort());
        call.incomingCall();
        assertThatThrownBy(() -> call.tamper(Tamper.noSignature()).connect())
                .isInstanceOfSatisfying(MediaStream.Refused.class, refused -> assertThat(refused.status())
                        .isEqualTo(403));
    }

    @Test
    void aMediaStreamSignedWithAnotherTokenIsClosedAtStart() {
        TwilioCallSimulator call = tenant.dial(base.getPort());
        call.incomingCall();
        try (MediaStream media = call.tamper(Tamper.wrongToken()).connect()) {
            media.connected();
            media.start();
            assertClosed(media, 1008, "X-Twilio-Signature");
        }
    }

    @Test
    void aCallTokenOfAnotherCallOrUsedTwiceIsRefused() {
        TwilioCallSimulator first = tenant.dial(base.getPort());
        first.incomingCall();
        String firstToken = first.twiml().stream().orElseThrow().parameters().get("callToken");
        TwilioCallSimulator second = tenant.dial(base.getPort());
        second.incomingCall();
        try (MediaStream foreign = second.connect()) {
            foreign.start(Map.of("callToken", firstToken));
            assertClosed(foreign, 1008, "another call");
        }
        try (MediaStream genuine = first.connect()) {
            genuine.start();
            Await.until("the greeting's audio", () -> genuine.audioReceived().length, bytes -> bytes > 0);
            try (MediaStream replay = first.connect()) {
                replay.start();
                assertClosed(replay, 1008, "already used");
            }
        }
        try (MediaStream forged = second.connect()) {
            forged.start(Map.of("callToken", "not-a-token"));
            assertClosed(forged, 1008, "invalid or expired");
        }
    }

    @Test
    void eventsOutOfProtocolCloseTheStream() {
        TwilioCallSimulator call = tenant.dial(base.getPort());
        call.incomingCall();
        try (MediaStream media = call.connect()) {
            media.send("{\"event\":\"media\",\"streamSid\":\"" + media.streamSid()
                    + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"1\",\"timestamp\":\"0\",\"payload\":\"AAAA\"}}");
            assertClosed(media, 1008, "media before start");
        }
        try (MediaStream media = call.connect()) {
            media.send("{not json");
            assertClosed(media, 1007, "JSON");
        }
        TwilioCallSimulator live = tenant.dial(base.getPort());
        live.incomingCall();
        try (MediaStream media = live.connect()) {
            media.start();
            Await.until("the call's voice running", () -> media.audioReceived().length, bytes -> bytes > 0);
            media.send("{\"event\":\"media\",\"streamSid\":\"" + media.streamSid() + "\",\"media\":{\"track\":"
                    + "\"inbound\",\"chunk\":\"2\",\"timestamp\":\"20\",\"payload\":\""
                    + Base64.getEncoder().encodeToString(new byte[20_000]) + "\"}}");
            assertClosed(media, 1009, "too large");
        }
    }

    private static void assertClosed(MediaStream media, int code, String reason) {
        WireClient.Close close = media.awaitClose(WAIT);
        assertThat(close.code()).as("closed with %s", close).isEqualTo(code);
        assertThat(close.reason()).contains(reason);
    }

    private List<Map<String, Object>> calls() {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/calls").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}

package io.parley.presentation.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.RawSocket;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Room limits, resume, slow consumers and idle peers, with the short settings of {@link SessionLifecycleProfile}. */
@QuarkusTest
@TestProfile(SessionLifecycleProfile.class)
class SessionLifecycleTest {

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        tenant = Parley.newTenant();
    }

    private SocketClient resume(String peer, String token) {
        URI uri = URI.create(Parley.socketUri(base, peer) + "?resume=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return SocketClient.connect(uri, Map.of("Authorization", "Bearer " + Parley.token(tenant, peer)));
    }

    private static void join(SocketClient client, String room) {
        client.send("{\"type\":\"join\",\"room\":\"" + room + "\"}");
        client.nextOfType("joined");
    }

    private static void offer(SocketClient from, String to, String sdp) {
        from.send("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"" + sdp + "\"}");
    }

    @Test
    void aRoomHoldsAtMostTheConfiguredPeers() {
        try (SocketClient a = Parley.connect(base, tenant, "a"); SocketClient b = Parley.connect(base, tenant, "b");
                SocketClient c = Parley.connect(base, tenant, "c")) {
            join(a, "small");
            join(b, "small");
            c.send("{\"type\":\"join\",\"id\":\"j\",\"room\":\"small\"}");
            JsonNode full = c.next();
            assertThat(full.path("code").asText()).isEqualTo("room_full");
            assertThat(full.path("replyTo").asText()).isEqualTo("j");
        }
    }

    @Test
    void resumingWithinTheWindowBringsBackTheSessionItsRoomsAndMissedFramesInOrder() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            join(alice, "call");
            SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
            JsonNode welcome = bob.next();
            join(bob, "call");
            alice.nextOfType("peer.joined");
            bob.close();
            assertThat(alice.nextOfType("peer.left").path("peer").asText()).isEqualTo("bob");

            for (int i = 1; i <= 3; i++) {
                offer(alice, "bob", "v=" + i);
            }
            alice.send("{\"type\":\"ping\",\"id\":\"sync\"}");
            assertThat(alice.nextOfType("pong").path("replyTo").asText()).as("no peer_unavailable before").isEqualTo("sync");

            try (SocketClient back = resume("bob", welcome.path("resumeToken").asText())) {
                JsonNode again = back.next();
                assertThat(again.path("type").asText()).isEqualTo("welcome");
                assertThat(again.path("sessionId").asText()).isEqualTo(welcome.path("sessionId").asText());
                JsonNode resumed = back.next();
                assertThat(resumed.path("type").asText()).isEqualTo("resumed");
                assertThat(resumed.path("missed").asInt()).isEqualTo(3);
                assertThat(resumed.has("lost")).isFalse();
                assertThat(List.of(back.next(), back.next(), back.next())).extracting(f -> f.path("sdp").asText())
                        .containsExactly("v=1", "v=2", "v=3");
                JsonNode rejoined = back.next();
                assertThat(rejoined.path("type").asText()).isEqualTo("joined");
                assertThat(rejoined.path("room").asText()).isEqualTo("call");
                assertThat(rejoined.path("peers")).extracting(JsonNode::asText).containsExactly("alice");
                assertThat(alice.nextOfType("peer.joined").path("peer").asText()).isEqualTo("bob");
                offer(alice, "bob", "v=4");
                assertThat(back.next().path("sdp").asText()).isEqualTo("v=4");
            }
        }
    }

    @Test
    void moreMissedFramesThanTheBoundAreReportedLost() throws Exception {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
            String token = bob.next().path("resumeToken").asText();
            bob.close();
            awaitAway("bob");
            for (int i = 1; i <= 6; i++) {
                offer(alice, "bob", "v=" + i);
            }
            alice.send("{\"type\":\"ping\"}");
            alice.nextOfType("pong");
            try (SocketClient back = resume("bob", token)) {
                back.next();
                JsonNode resumed = back.next();
                assertThat(resumed.path("missed").asInt()).isEqualTo(6);
                assertThat(resumed.path("lost").asBoolean()).isTrue();
                back.send("{\"type\":\"ping\",\"id\":\"after\"}");
                assertThat(back.next().path("type").asText()).as("no stale frames").isEqualTo("pong");
            }
        }
    }

    @Test
    void resumingAfterTheWindowIsLostAndStartsAFreshSession() throws Exception {
        SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
        JsonNode welcome = bob.next();
        bob.close();
        Thread.sleep(3_500);
        try (SocketClient back = resume("bob", welcome.path("resumeToken").asText())) {
            JsonNode again = back.next();
            assertThat(again.path("sessionId").asText()).isNotEqualTo(welcome.path("sessionId").asText());
            JsonNode resumed = back.next();
            assertThat(resumed.path("lost").asBoolean()).isTrue();
            assertThat(resumed.path("missed").asInt()).isZero();
        }
    }

    @Test
    void aTokenOfAnotherPeerCannotResumeItsSession() {
        SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
        JsonNode welcome = bob.next();
        bob.close();
        try (SocketClient mallory = resume("mallory", welcome.path("resumeToken").asText())) {
            JsonNode again = mallory.next();
            assertThat(again.path("sessionId").asText()).isNotEqualTo(welcome.path("sessionId").asText());
            assertThat(mallory.next().path("lost").asBoolean()).isTrue();
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedAsASlowConsumer() throws Exception {
        String payload = "x".repeat(30_000);
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                SocketClient stuck = SocketClient.connect(Parley.socketUri(base, "stuck"),
                        Map.of("Authorization", "Bearer " + Parley.token(tenant, "stuck")), 1)) {
            for (int i = 0; i < 2_000 && !(i % 100 == 99 && hasEvent("closed with 1008 slow consumer")); i++) {
                offer(alice, "stuck", payload);
            }
            awaitEvent("closed with 1008 slow consumer");
            assertThat(alice.isClosed()).as("the sender, which reads, is not a slow consumer").isFalse();
        }
    }

    @Test
    void aSilentPeerIsClosedAfterTheIdleTimeoutAndItsRoomsAreTold() throws Exception {
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                RawSocket silent = RawSocket.open(Parley.socketUri(base, "silent"), Parley.token(tenant, "silent"))) {
            join(alice, "idle-room");
            given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/session-events").then().statusCode(200);
            int code = silent.awaitCloseCode(6_000);
            assertThat(code).isEqualTo(4408);
            alice.send("{\"type\":\"ping\",\"id\":\"still\"}");
            assertThat(alice.nextOfType("pong").path("replyTo").asText()).isEqualTo("still");
        }
    }

    private void awaitAway(String peer) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> gone = given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/session-events")
                    .then().extract().jsonPath().getList("items.findAll { it.type == 'disconnected' }.peerId",
                            String.class);
            if (gone.contains(peer)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(peer + " never went away");
    }

    private boolean hasEvent(String reason) {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/session-events")
                .then().extract().jsonPath().getList("items.reason", String.class).contains(reason);
    }

    private void awaitEvent(String reason) throws InterruptedException {
        List<String> reasons = List.of();
        for (int i = 0; i < 200; i++) {
            reasons = given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/session-events")
                    .then().extract().jsonPath().getList("items.reason", String.class);
            if (reasons.contains(reason)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no event with reason " + reason + " in " + reasons);
    }
}

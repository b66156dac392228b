package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rooms, presence and relay between peers on one node, over real WebSocket clients. */
@QuarkusTest
class SignallingTest {

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        tenant = Parley.newTenant();
    }

    private JsonNode join(SocketClient client, String room) {
        client.send("{\"type\":\"join\",\"id\":\"j-" + room + "\",\"room\":\"" + room + "\"}");
        return client.nextOfType("joined");
    }

    @Test
    void joiningListsThePeersAlreadyThereAndTellsThem() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                SocketClient bob = Parley.connect(base, tenant, "bob")) {
            JsonNode aliceJoined = join(alice, "r1");
            assertThat(aliceJoined.path("replyTo").asText()).isEqualTo("j-r1");
            assertThat(aliceJoined.path("peers")).isEmpty();
            JsonNode bobJoined = join(bob, "r1");
            assertThat(bobJoined.path("peers").get(0).asText()).isEqualTo("alice");
            JsonNode news = alice.next();
            assertThat(news.path("type").asText()).isEqualTo("peer.joined");
            assertThat(news.path("room").asText()).isEqualTo("r1");
            assertThat(news.path("peer").asText()).isEqualTo("bob");

            bob.send("{\"type\":\"leave\",\"id\":\"l1\",\"room\":\"r1\"}");
            assertThat(bob.next().path("type").asText()).isEqualTo("left");
            JsonNode left = alice.next();
            assertThat(left.path("type").asText()).isEqualTo("peer.left");
            assertThat(left.path("peer").asText()).isEqualTo("bob");
            assertThat(left.path("reason").asText()).isEqualTo("left");
        }
    }

    @Test
    void aFrameSentRightAfterAJoinArrivesAfterThePeerJoinedNews() {
        try (SocketClient bob = Parley.connect(base, tenant, "bob");
                SocketClient alice = Parley.connect(base, tenant, "alice")) {
            join(bob, "meet");
            for (int i = 0; i < 5; i++) {
                String room = "meet";
                alice.send("{\"type\":\"join\",\"room\":\"" + room + "\"}");
                alice.send("{\"type\":\"offer\",\"to\":\"bob\",\"sdp\":\"v=" + i + "\"}");
                assertThat(bob.next().path("type").asText()).isEqualTo(i == 0 ? "peer.joined" : "offer");
                if (i == 0) {
                    assertThat(bob.next().path("sdp").asText()).isEqualTo("v=0");
                }
                alice.nextOfType("joined");
            }
        }
    }

    @Test
    void aClosedConnectionLeavesItsRooms() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            join(alice, "lobby");
            try (SocketClient bob = Parley.connect(base, tenant, "bob")) {
                join(bob, "lobby");
                alice.nextOfType("peer.joined");
            }
            JsonNode left = alice.nextOfType("peer.left");
            assertThat(left.path("peer").asText()).isEqualTo("bob");
            assertThat(left.path("reason").asText()).isEqualTo("disconnected");
        }
    }

    @Test
    void offerAnswerAndCandidatesAreRelayedInOrderWithFrom() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                SocketClient bob = Parley.connect(base, tenant, "bob")) {
            alice.send("{\"type\":\"offer\",\"to\":\"bob\",\"sdp\":\"v=0 offer\"}");
            for (int i = 0; i < 50; i++) {
                alice.send("{\"type\":\"candidate\",\"to\":\"bob\",\"candidate\":{\"candidate\":\"candidate:" + i
                        + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"u\"}}");
            }
            alice.send("{\"type\":\"candidate\",\"to\":\"bob\",\"candidate\":null}");
            JsonNode offer = bob.next();
            assertThat(offer.path("type").asText()).isEqualTo("offer");
            assertThat(offer.path("from").asText()).isEqualTo("alice");
            assertThat(offer.has("to")).isFalse();
            assertThat(offer.path("sdp").asText()).isEqualTo("v=0 offer");
            for (int i = 0; i < 50; i++) {
                JsonNode candidate = bob.next();
                assertThat(candidate.path("candidate").path("candidate").asText()).isEqualTo("candidate:" + i);
                assertThat(candidate.path("candidate").path("sdpMLineIndex").asInt()).isZero();
            }
            JsonNode end = bob.next();
            assertThat(end.path("candidate").isNull()).isTrue();

            bob.send("{\"type\":\"answer\",\"to\":\"alice\",\"sdp\":\"v=0 answer\"}");
            bob.send("{\"type\":\"signal\",\"to\":\"alice\",\"data\":{\"mute\":true}}");
            assertThat(alice.next().path("sdp").asText()).isEqualTo("v=0 answer");
            JsonNode signal = alice.next();
            assertThat(signal.path("from").asText()).isEqualTo("bob");
            assertThat(signal.path("data").path("mute").asBoolean()).isTrue();
        }
    }

    @Test
    void aFullSizeSdpIsRelayed() {
        String sdp = "v=0\\r\\n" + "a".repeat(65_000);
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                SocketClient bob = Parley.connect(base, tenant, "bob")) {
            alice.send("{\"type\":\"offer\",\"to\":\"bob\",\"sdp\":\"" + sdp + "\"}");
            assertThat(bob.next().path("sdp").asText()).hasSize(65_000 + 5);
            alice.send("{\"type\":\"offer\",\"id\":\"big\",\"to\":\"bob\",\"sdp\":\"" + "b".repeat(65_537) + "\"}");
            JsonNode error = alice.next();
            assertThat(error.path("code").asText()).isEqualTo("too_large");
        }
    }

    @Test
    void unknownAndOfflinePeersAreUnavailable() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            alice.send("{\"type\":\"offer\",\"id\":\"o1\",\"to\":\"nobody\",\"sdp\":\"v=0\"}");
            JsonNode error = alice.next();
            assertThat(error.path("code").asText()).isEqualTo("peer_unavailable");
            assertThat(error.path("replyTo").asText()).isEqualTo("o1");
        }
    }

    @Test
    void peersOfAnotherTenantLookExactlyLikeUnknownOnes() {
        TenantAccess other = Parley.newTenant();
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                SocketClient eve = Parley.connect(base, other, "eve");
                SocketClient otherBob = Parley.connect(base, other, "bob")) {
            alice.send("{\"type\":\"offer\",\"id\":\"x\",\"to\":\"eve\",\"sdp\":\"v=0\"}");
            assertThat(alice.next().path("code").asText()).isEqualTo("peer_unavailable");
            alice.send("{\"type\":\"offer\",\"id\":\"y\",\"to\":\"bob\",\"sdp\":\"v=0\"}");
            assertThat(alice.next().path("code").asText()).isEqualTo("peer_unavailable");
            join(alice, "shared");
            JsonNode joined = join(eve, "shared");
            assertThat(joined.path("peers")).isEmpty();
            eve.send("{\"type\":\"ping\",\"id\":\"p\"}");
            assertThat(eve.next().path("type").asText()).isEqualTo("pong");
            alice.send("{\"type\":\"ping\",\"id\":\"p\"}");
            assertThat(alice.next().path("type").asText()).as("alice saw nothing of eve").isEqualTo("pong");
        }
    }

    @Test
    void invalidSignallingFramesGetClearErrors() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            String[] bad = {"{\"type\":\"join\",\"id\":\"a\"}", "{\"type\":\"join\",\"id\":\"b\",\"room\":\"has space\"}",
                    "{\"type\":\"join\",\"id\":\"c\",\"room\":\"" + "r".repeat(129) + "\"}",
                    "{\"type\":\"offer\",\"id\":\"d\",\"sdp\":\"v=0\"}", "{\"type\":\"offer\",\"id\":\"e\",\"to\":\"bob\"}",
                    "{\"type\":\"candidate\",\"id\":\"f\",\"to\":\"bob\"}",
                    "{\"type\":\"candidate\",\"id\":\"g\",\"to\":\"bob\",\"candidate\":\"str\"}",
                    "{\"type\":\"signal\",\"id\":\"h\",\"to\":\"bob\",\"data\":5}",
                    "{\"type\":\"answer\",\"id\":\"i\",\"to\":\"bad peer\",\"sdp\":\"v=0\"}"};
            for (String frame : bad) {
                JsonNode error = alice.next(() -> alice.send(frame));
                assertThat(error.path("code").asText()).as(frame).isEqualTo("invalid_message");
            }
            alice.send("{\"type\":\"leave\",\"id\":\"z\",\"room\":\"never-joined\"}");
            assertThat(alice.next().path("code").asText()).isEqualTo("not_in_room");
        }
    }

    @Test
    void aSecondConnectionOfThePeerReplacesTheFirstWith4409() {
        try (SocketClient first = Parley.connect(base, tenant, "alice")) {
            join(first, "r");
            try (SocketClient second = Parley.connect(base, tenant, "alice");
                    SocketClient bob = Parley.connect(base, tenant, "bob")) {
                assertThat(first.awaitClose()).isEqualTo(4409);
                bob.send("{\"type\":\"offer\",\"to\":\"alice\",\"sdp\":\"v=0\"}");
                assertThat(second.next().path("from").asText()).isEqualTo("bob");
            }
        }
    }

    @Test
    void welcomeCarriesAResumeToken() {
        try (SocketClient alice = SocketClient.connect(Parley.socketUri(base, "alice"),
                Map.of("Authorization", "Bearer " + Parley.token(tenant, "alice")))) {
            JsonNode welcome = alice.next();
            assertThat(welcome.path("resumeToken").asText()).startsWith(welcome.path("sessionId").asText() + ".");
        }
    }

    @Test
    void aSessionJoinsAtMostSixteenRoomsThenGetsRoomLimitUntilItLeavesOne() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            for (int i = 0; i < 16; i++) {
                join(alice, "room-" + i);
            }
            alice.send("{\"type\":\"join\",\"id\":\"j17\",\"room\":\"room-16\"}");
            JsonNode limit = alice.nextOfType("error");
            assertThat(limit.path("code").asText()).isEqualTo("room_limit");
            assertThat(limit.path("replyTo").asText()).isEqualTo("j17");
            assertThat(join(alice, "room-3").path("room").asText()).as("a room it is in already").isEqualTo("room-3");
            alice.send("{\"type\":\"leave\",\"room\":\"room-0\"}");
            alice.nextOfType("left");
            assertThat(join(alice, "room-16").path("room").asText()).isEqualTo("room-16");
        }
    }

    @Test
    void aSeqTheSenderPutInARelayIsReplacedByTheReceiversOwnNumber() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                SocketClient bob = Parley.connect(base, tenant, "bob")) {
            alice.send("{\"type\":\"signal\",\"to\":\"bob\",\"seq\":999999,\"from\":\"mallory\",\"data\":{}}");
            String raw = bob.nextRaw();
            assertThat(raw).doesNotContain("999999").doesNotContain("mallory");
            assertThat(raw.split("\"seq\"", -1)).as("one seq field").hasSize(2);
            assertThat(raw).contains("\"from\":\"alice\"").endsWith(",\"seq\":1}");
        }
    }
}

package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.PeerId;
import io.parley.core.signal.PeerAddress;
import io.parley.core.tenant.TenantId;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.RawSocket;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resume belongs to its owner: a client that knows a session id but not its token spends nothing, a
 * resume refused for capacity keeps its ticket, and a session whose old socket went silent (half-open,
 * as on mobile) is taken over with the frames that socket never delivered.
 */
@QuarkusTest
@TestProfile(SessionLifecycleProfile.class)
class ResumeOwnershipTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    ConnectionQuota quota;

    @Inject
    SignalBus bus;

    @Inject
    PeerDirectory directory;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        tenant = Parley.newTenant();
    }

    private SocketClient resume(TenantAccess owner, String peer, String token, String extra) {
        URI uri = URI.create(Parley.socketUri(base, peer) + "?resume=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + extra);
        return SocketClient.connect(uri, Map.of("Authorization", "Bearer " + Parley.token(owner, peer)));
    }

    private static void offer(SocketClient from, String to, String sdp) {
        from.send("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"" + sdp + "\"}");
    }

    /** Waits until alice's relays have been handled (kept for bob), by a ping answered after them. */
    private static void sync(SocketClient alice) {
        alice.send("{\"type\":\"ping\",\"id\":\"sync\"}");
        assertThat(alice.nextOfType("pong").path("replyTo").asText()).isEqualTo("sync");
    }

    @Test
    void aClientThatKnowsTheSessionIdButNotTheTokenCannotSpendTheResume() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
            JsonNode welcome = bob.next();
            String sessionId = welcome.path("sessionId").asText();
            bob.close();
                        offer(alice, "bob", "v=1");
            offer(alice, "bob", "v=2");
            sync(alice);

            TenantAccess other = Parley.newTenant();
            for (SocketClient guess : List.of(resume(tenant, "bob", sessionId + ".guessed-secret", ""),
                    resume(tenant, "mallory", welcome.path("resumeToken").asText(), ""),
                    resume(other, "bob", welcome.path("resumeToken").asText(), ""))) {
                try (guess) {
                    assertThat(guess.next().path("sessionId").asText()).isNotEqualTo(sessionId);
                    assertThat(guess.next().path("lost").asBoolean()).isTrue();
                }
            }
            try (SocketClient back = resume(tenant, "bob", welcome.path("resumeToken").asText(), "")) {
                assertThat(back.next().path("sessionId").asText()).isEqualTo(sessionId);
                JsonNode resumed = back.next();
                assertThat(resumed.path("missed").asInt()).isEqualTo(2);
                assertThat(resumed.has("lost")).isFalse();
                assertThat(List.of(back.next(), back.next())).extracting(f -> f.path("sdp").asText())
                        .containsExactly("v=1", "v=2");
            }
        }
    }

    @Test
    void aResumeRefusedBecauseTheTenantIsFullKeepsItsTicketForTheNextTry() {
        Parley.capConnections(tenant, 2);
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
            String token = bob.next().path("resumeToken").asText();
            bob.close();
            awaitCounted(1);
            offer(alice, "bob", "v=kept");
            sync(alice);
            SocketClient carol = Parley.connect(base, tenant, "carol");
            try (SocketClient refused = resume(tenant, "bob", token, "")) {
                assertThat(refused.awaitClose()).isEqualTo(1013);
            }
            carol.close();
            awaitCounted(1);
            try (SocketClient back = resume(tenant, "bob", token, "")) {
                assertThat(back.next().path("type").asText()).isEqualTo("welcome");
                JsonNode resumed = back.next();
                assertThat(resumed.path("lost").asBoolean()).as("the refused try spent nothing").isFalse();
                assertThat(resumed.path("missed").asInt()).isEqualTo(1);
                assertThat(back.next().path("sdp").asText()).isEqualTo("v=kept");
            }
        }
    }

    @Test
    void aResumeTakesOverASessionWhoseOldSocketWentSilentWithWhatItNeverDelivered() throws Exception {
        try (SocketClient alice = Parley.connect(base, tenant, "alice");
                RawSocket silent = RawSocket.open(Parley.socketUri(base, "bob"), Parley.token(tenant, "bob"))) {
            JsonNode welcome = JSON.readTree(silent.readText(5_000));
            offer(alice, "bob", "v=1");
            assertThat(JSON.readTree(silent.readText(5_000)).path("seq").asLong()).as("the one frame bob got")
                    .isEqualTo(1);
            offer(alice, "bob", "v=2");
            offer(alice, "bob", "v=3");
            sync(alice);
            try (SocketClient back = resume(tenant, "bob", welcome.path("resumeToken").asText(), "&seen=1")) {
                assertThat(back.next().path("sessionId").asText()).isEqualTo(welcome.path("sessionId").asText());
                JsonNode resumed = back.next();
                assertThat(resumed.path("missed").asInt()).isEqualTo(2);
                assertThat(resumed.has("lost")).isFalse();
                List<JsonNode> replayed = List.of(back.next(), back.next());
                assertThat(replayed).extracting(f -> f.path("sdp").asText()).containsExactly("v=2", "v=3");
                assertThat(replayed).extracting(f -> f.path("seq").asLong()).containsExactly(2L, 3L);
                assertThat(silent.awaitCloseCode(5_000)).as("the old socket is closed").isEqualTo(4409);
                offer(alice, "bob", "v=4");
                JsonNode next = back.next();
                assertThat(next.path("sdp").asText()).isEqualTo("v=4");
                assertThat(next.path("seq").asLong()).isEqualTo(4);

                silent.close();
                long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                for (int i = 5; System.nanoTime() < until; i++) {
                    offer(alice, "bob", "v=" + i);
                    assertThat(back.next().path("sdp").asText()).as("the old socket's close leaves the new one be")
                            .isEqualTo("v=" + i);
                }
            }
        }
    }

    @Test
    void twoResumesWithOneTokenAtOnceGiveTheSessionToOneAndRefuseTheOther() throws Exception {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
            JsonNode welcome = bob.next();
            bob.close();
            awaitAway("bob");
            String bearer = "Bearer " + Parley.token(tenant, "bob");
            URI uri = URI.create(Parley.socketUri(base, "bob") + "?resume="
                    + URLEncoder.encode(welcome.path("resumeToken").asText(), StandardCharsets.UTF_8));
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = two.submit(() -> SocketClient.connect(uri, Map.of("Authorization", bearer)));
                var second = two.submit(() -> SocketClient.connect(uri, Map.of("Authorization", bearer)));
                List<SocketClient> both = List.of(first.get(), second.get());
                List<String> outcomes = new java.util.ArrayList<>();
                SocketClient winner = null;
                SocketClient fresh = null;
                for (SocketClient client : both) {
                    JsonNode frame = client.nextOrNull(Duration.ofSeconds(5));
                    boolean welcomed = frame != null && "welcome".equals(frame.path("type").asText());
                    if (welcomed && frame.path("sessionId").asText().equals(welcome.path("sessionId").asText())) {
                        outcomes.add("resumed");
                        winner = client;
                    } else if (welcomed) {
                        // it came after the other's welcome had gone out: the token was spent by then
                        assertThat(client.nextOfType("resumed").path("lost").asBoolean()).isTrue();
                        outcomes.add("fresh");
                        fresh = client;
                    } else {
                        outcomes.add("closed " + client.awaitClose());
                    }
                }
                assertThat(outcomes.stream().sorted().toList()).as("one resumes; the other is refused, or (too late"
                        + " to race) starts afresh").isIn(List.of("closed 1013", "resumed"), List.of("fresh", "resumed"));
                SocketClient live = winner;
                if (fresh != null) {
                    assertThat(winner.awaitClose()).as("the fresh session replaces the resumed one").isEqualTo(4409);
                    live = fresh;
                }
                offer(alice, "bob", "after-race");
                assertThat(live.nextOfType("offer").path("sdp").asText()).isEqualTo("after-race");
                both.forEach(SocketClient::close);
            } finally {
                two.shutdownNow();
            }
        }
    }

    @Test
    void aResumeWhoseSocketDropsBeforeTheWelcomeLeavesTheSameTokenWorking() throws Exception {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
            JsonNode welcome = bob.next();
            String token = welcome.path("resumeToken").asText();
            bob.close();
            awaitAway("bob");
            offer(alice, "bob", "v=kept");
            sync(alice);
            URI resumeUri = URI.create(Parley.socketUri(base, "bob") + "?resume="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
            RawSocket.open(resumeUri, Parley.token(tenant, "bob")).reset();
            JsonNode again = Await.value(Duration.ofSeconds(5), "the retry to resume", () -> {
                SocketClient retry = resume(tenant, "bob", token, "");
                JsonNode first = retry.next();
                JsonNode resumed = retry.next();
                if (resumed.path("lost").asBoolean()) {
                    retry.close();
                    throw new AssertionError("the dropped try spent the token: " + resumed);
                }
                assertThat(retry.next().path("sdp").asText()).isEqualTo("v=kept");
                retry.close();
                return first;
            });
            assertThat(again.path("sessionId").asText()).isEqualTo(welcome.path("sessionId").asText());
        }
    }

    @Test
    void aResumedClientLearnsWhoIsInItsRoomsNow() {
        try (SocketClient alice = Parley.connect(base, tenant, "alice")) {
            SocketClient bob = SocketClient.connect(Parley.socketUri(base, "bob"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "bob")));
            String token = bob.next().path("resumeToken").asText();
            alice.send("{\"type\":\"join\",\"room\":\"r\"}");
            alice.nextOfType("joined");
            bob.send("{\"type\":\"join\",\"room\":\"r\"}");
            bob.nextOfType("joined");
            bob.close();
            awaitAway("bob");
            alice.send("{\"type\":\"leave\",\"room\":\"r\"}");
            alice.nextOfType("left");
            try (SocketClient carol = Parley.connect(base, tenant, "carol")) {
                carol.send("{\"type\":\"join\",\"room\":\"r\"}");
                carol.nextOfType("joined");
                try (SocketClient back = resume(tenant, "bob", token, "")) {
                    back.next();
                    back.nextOfType("resumed");
                    JsonNode rejoined = back.nextOfType("joined");
                    assertThat(rejoined.path("room").asText()).isEqualTo("r");
                    assertThat(rejoined.path("rejoined").asBoolean()).isTrue();
                    assertThat(rejoined.path("peers")).extracting(JsonNode::asText).containsExactly("carol");
                    assertThat(carol.nextOfType("peer.joined").path("peer").asText()).isEqualTo("bob");
                }
            }
        }
    }

    /** Waits until the directory says the peer is away (its session closed, resumable). */
    private void awaitAway(String peer) {
        PeerAddress address = new PeerAddress(new TenantId(UUID.fromString(tenant.id())), new PeerId(peer));
        Await.until(Duration.ofSeconds(5), peer + " to be away", () -> directory.locate(address)
                .filter(presence -> !presence.online()).isPresent());
    }

    /** Waits until the tenant's connection count (across the cluster) is down to {@code count}. */
    private void awaitCounted(int count) {
        TenantId id = new TenantId(UUID.fromString(tenant.id()));
        Await.until(Duration.ofSeconds(5), "the tenant to count " + count + " connections",
                () -> quota.entriesOf(bus.nodeId()).stream().filter(e -> e.tenant().equals(id)).count() == count);
    }
}

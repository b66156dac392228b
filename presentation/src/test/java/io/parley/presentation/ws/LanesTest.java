package io.parley.presentation.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.FakeOpenAiServer;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A slow model (3 s per answer) delays nobody but the asker: other sockets join, relay and connect at
 * once, the asker's own signalling does not wait for its answer, and answers past the node's bound or
 * the socket's queue get "busy" straight away; so do relays past the socket's queued bytes behind a join
 * that waits on Redis.
 */
@QuarkusTest
@TestProfile(LanesProfile.class)
@QuarkusTestResource(value = FakeOpenAiServer.class, restrictToAnnotatedClass = true)
class LanesTest {

    private static final Duration SLOW = Duration.ofSeconds(3);
    private static final long PROMPT_MS = 1_000;

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;
    final List<SocketClient> clients = new ArrayList<>();

    @BeforeEach
    void slowModel() {
        FakeOpenAiServer.reset();
        FakeOpenAiServer.delayAnswers(SLOW);
        tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body(Map.of("name", "Slow", "kind", "llm", "systemPrompt", "Think long.", "fallback", "-"))
                .put("/api/v1/agents/default").then().statusCode(200);
    }

    @AfterEach
    void close() {
        clients.forEach(SocketClient::close);
        FakeOpenAiServer.reset();
    }

    private SocketClient connect(String peer) {
        SocketClient client = Parley.connect(base, tenant, peer);
        clients.add(client);
        return client;
    }

    @Test
    void answersInFlightDelayNeitherOtherSocketsJoinsNorNewConnections() {
        for (int i = 0; i < 4; i++) {
            connect("asker" + i).send("{\"type\":\"message\",\"id\":\"m\",\"text\":\"think\"}");
        }
        awaitModelCalls(4);
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            SocketClient joiner = connect("joiner" + i);
            joiner.send("{\"type\":\"join\",\"room\":\"lobby\"}");
            joiner.nextOfType("joined", Duration.ofMillis(PROMPT_MS));
        }
        assertThat(elapsedMs(started)).as("four connects and joins while four answers run").isLessThan(PROMPT_MS * 2);
        for (SocketClient asker : clients.subList(0, 4)) {
            assertThat(asker.nextOfType("response", SLOW.plusSeconds(5)).path("text").asText()).isEqualTo("Hello world");
        }
    }

    @Test
    void aSocketsSignallingDoesNotWaitForItsOwnAnswer() {
        SocketClient bob = connect("bob");
        SocketClient alice = connect("alice");
        bob.send("{\"type\":\"join\",\"room\":\"call\"}");
        bob.nextOfType("joined");
        long started = System.nanoTime();
        alice.send("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"think\"}");
        alice.send("{\"type\":\"join\",\"id\":\"j1\",\"room\":\"call\"}");
        alice.send("{\"type\":\"offer\",\"to\":\"bob\",\"sdp\":\"v=0\"}");
        assertThat(alice.nextOfType("joined", Duration.ofMillis(PROMPT_MS)).path("replyTo").asText()).isEqualTo("j1");
        assertThat(bob.nextOfType("peer.joined", Duration.ofMillis(PROMPT_MS)).path("peer").asText()).isEqualTo("alice");
        assertThat(bob.nextOfType("offer", Duration.ofMillis(PROMPT_MS)).path("sdp").asText()).isEqualTo("v=0");
        assertThat(elapsedMs(started)).isLessThan(PROMPT_MS);
        JsonNode response = alice.nextOfType("response", SLOW.plusSeconds(5));
        assertThat(response.path("replyTo").asText()).isEqualTo("m1");
        assertThat(elapsedMs(started)).isGreaterThanOrEqualTo(SLOW.toMillis());
    }

    @Test
    void aMessagePastTheNodesConcurrentAnswersGetsBusyAtOnceAndIsNotStored() {
        for (int i = 0; i < 4; i++) {
            connect("asker" + i).send("{\"type\":\"message\",\"text\":\"think\"}");
        }
        awaitModelCalls(4);
        SocketClient late = connect("late");
        late.send("{\"type\":\"message\",\"id\":\"m5\",\"text\":\"me too\"}");
        JsonNode busy = late.nextOfType("error", Duration.ofMillis(PROMPT_MS));
        assertThat(busy.path("code").asText()).isEqualTo("busy");
        assertThat(busy.path("replyTo").asText()).isEqualTo("m5");
        assertThat(busy.path("retryAfterMs").asLong()).isPositive();
        assertThat(given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations?peerId=late")
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        for (SocketClient asker : clients.subList(0, 4)) {
            asker.nextOfType("response", SLOW.plusSeconds(5));
        }
        FakeOpenAiServer.delayAnswers(Duration.ZERO);
        late.send("{\"type\":\"message\",\"id\":\"m6\",\"text\":\"now?\"}");
        assertThat(late.nextOfType("response", Duration.ofSeconds(5)).path("replyTo").asText()).isEqualTo("m6");
    }

    @Test
    void messagesPipelinedPastTheSocketsQueueGetBusyAndTheRestAreAnsweredInOrder() {
        FakeOpenAiServer.delayAnswers(Duration.ofMillis(500));
        SocketClient alice = connect("alice");
        for (int i = 1; i <= 6; i++) {
            alice.send("{\"type\":\"message\",\"id\":\"m" + i + "\",\"text\":\"question " + i + "\"}");
        }
        List<String> busy = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        while (answered.size() + busy.size() < 6) {
            JsonNode frame = io.parley.presentation.support.Await.value(Duration.ofSeconds(10), "a reply",
                    () -> alice.nextOrNull(Duration.ofMillis(100)));
            switch (frame.path("type").asText()) {
                case "error" -> busy.add(frame.path("code").asText() + " " + frame.path("replyTo").asText());
                case "response" -> answered.add(frame.path("replyTo").asText());
                default -> { }
            }
        }
        assertThat(busy).containsExactly("busy m5", "busy m6");
        assertThat(answered).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void relaysPipelinedBehindAJoinThatWaitsOnRedisGetBusyPastTheQueueAndTheRestArriveInOrder() throws Exception {
        SocketClient bob = connect("bob");
        SocketClient alice = connect("alice");
        String sdp = "v=0 " + "x".repeat(900);
        try (RedisPause pause = RedisPause.writes(Duration.ofMillis(1500))) {
            alice.send("{\"type\":\"join\",\"id\":\"j1\",\"room\":\"slow\"}");
            for (int i = 1; i <= 10; i++) {
                alice.send("{\"type\":\"offer\",\"id\":\"o" + i + "\",\"to\":\"bob\",\"sdp\":\"" + sdp + i + "\"}");
            }
            List<String> busy = new ArrayList<>();
            for (JsonNode frame = alice.nextOrNull(Duration.ofMillis(700)); frame != null;
                    frame = alice.nextOrNull(Duration.ofMillis(200))) {
                assertThat(frame.path("type").asText()).as("nothing but busy while the join waits").isEqualTo("error");
                assertThat(frame.path("code").asText()).isEqualTo("busy");
                assertThat(frame.path("retryAfterMs").asLong()).isPositive();
                busy.add(frame.path("replyTo").asText());
            }
            assertThat(busy).as("the offers past the queue's bytes, at once").isNotEmpty().doesNotContain("o1")
                    .endsWith("o10");
            assertThat(alice.nextOfType("joined", Duration.ofSeconds(5)).path("replyTo").asText()).isEqualTo("j1");
            List<String> delivered = new ArrayList<>();
            for (int i = 1; i <= 10 - busy.size(); i++) {
                String offer = bob.nextOfType("offer", Duration.ofSeconds(5)).path("sdp").asText();
                delivered.add("o" + offer.substring(sdp.length()));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                expected.add("o" + i);
            }
            expected.removeAll(busy);
            assertThat(delivered).as("the queued offers, in order").isEqualTo(expected);
        }
    }

    /** Redis holds every write command of every client for a while (CLIENT PAUSE … WRITE). */
    private record RedisPause(java.net.Socket socket) implements AutoCloseable {

        static RedisPause writes(Duration length) throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket("127.0.0.1", 6379);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("CLIENT PAUSE " + length.toMillis() + " WRITE\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] reply = new byte[5];
            assertThat(new String(reply, 0, socket.getInputStream().read(reply),
                    java.nio.charset.StandardCharsets.US_ASCII)).startsWith("+OK");
            return new RedisPause(socket);
        }

        @Override
        public void close() throws java.io.IOException {
            socket.getOutputStream().write("CLIENT UNPAUSE\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.close();
        }
    }

    private void awaitModelCalls(int count) {
        io.parley.presentation.support.Await.until(Duration.ofSeconds(5), count + " model calls",
                () -> FakeOpenAiServer.requests().size() >= count);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

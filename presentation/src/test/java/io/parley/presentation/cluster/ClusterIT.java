package io.parley.presentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.presentation.support.RawSocket;
import io.parley.presentation.support.SocketClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Parley processes from the built jar, one Postgres, one private Redis: peers on different nodes
 * find each other and exchange signalling in order, survive a node's SIGKILL, resume on the other
 * node, ride out a Redis restart, and are drained on SIGTERM. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "cluster-it-admin";
    private static final Duration NODE_TTL = Duration.ofSeconds(4);

    private static Path logs;
    private static int redisPort;
    private static NodeProcess redis;
    private static Map<String, String> env;
    private static int portA;
    private static int portB;
    private static NodeProcess nodeA;
    private static NodeProcess nodeB;
    private static String apiKey;
    private static final List<SocketClient> open = new ArrayList<>();
    private static SocketClient alice;
    private static SocketClient bob;

    @BeforeAll
    static void startCluster() throws Exception {
        logs = NodeProcess.logDirectory();
        redisPort = NodeProcess.freePort();
        redis = NodeProcess.redis(redisPort, logs);
        Path key = NodeProcess.sharedSigningKey();
        env = new HashMap<>(Map.of(
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_DATASOURCE_JDBC_URL", NodeProcess.testDatabaseUrl(),
                "PARLEY_ADMIN_TOKEN", ADMIN,
                "PARLEY_JWT_PRIVATE_KEY_LOCATION", key.toString(),
                "PARLEY_CLUSTER_NODE_TTL", NODE_TTL.toSeconds() + "s",
                "PARLEY_SHUTDOWN_DRAIN_TIMEOUT", "5s"));
        portA = NodeProcess.freePort();
        portB = NodeProcess.freePort();
        nodeA = NodeProcess.parley("node-a", portA, env, logs);
        nodeB = NodeProcess.parley("node-b", portB, env, logs);
        apiKey = post(portA, "/api/v1/tenants", "Bearer " + ADMIN, null, "{\"name\":\"Cluster IT\"}").path("apiKey")
                .asText();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        open.forEach(SocketClient::close);
        for (NodeProcess process : new NodeProcess[] {nodeA, nodeB, redis}) {
            if (process != null) {
                process.kill();
            }
        }
    }

    @Test
    @Order(1)
    void peersOnDifferentNodesMeetInARoomAndRelayInOrder() {
        alice = connect(portA, "alice", "");
        bob = connect(portB, "bob", "");
        join(alice, "call");
        JsonNode joined = join(bob, "call");
        assertThat(joined.path("peers").get(0).asText()).isEqualTo("alice");
        assertThat(alice.nextOfType("peer.joined").path("peer").asText()).isEqualTo("bob");

        alice.send("{\"type\":\"offer\",\"to\":\"bob\",\"sdp\":\"v=0 from-a\"}");
        for (int i = 0; i < 100; i++) {
            alice.send("{\"type\":\"candidate\",\"to\":\"bob\",\"candidate\":{\"candidate\":\"c" + i
                    + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
        }
        JsonNode offer = bob.next();
        assertThat(offer.path("type").asText()).isEqualTo("offer");
        assertThat(offer.path("from").asText()).isEqualTo("alice");
        for (int i = 0; i < 100; i++) {
            assertThat(bob.next().path("candidate").path("candidate").asText()).isEqualTo("c" + i);
        }
        bob.send("{\"type\":\"answer\",\"to\":\"alice\",\"sdp\":\"v=0 from-b\"}");
        JsonNode answer = alice.nextOfType("answer");
        assertThat(answer.path("from").asText()).isEqualTo("bob");
        assertThat(answer.path("sdp").asText()).isEqualTo("v=0 from-b");
    }

    @Test
    @Order(2)
    void aSecondConnectionOnAnotherNodeReplacesTheFirst() {
        SocketClient firstDave = connect(portA, "dave", "");
        SocketClient secondDave = connect(portB, "dave", "");
        assertThat(firstDave.awaitClose()).isEqualTo(4409);
        alice.send("{\"type\":\"signal\",\"to\":\"dave\",\"data\":{\"n\":1}}");
        assertThat(secondDave.next().path("data").path("n").asInt()).isEqualTo(1);
        secondDave.close();
    }

    @Test
    @Order(3)
    void aTenantsConnectionCapHoldsAcrossNodes() throws Exception {
        JsonNode capped = post(portA, "/api/v1/tenants", "Bearer " + ADMIN, null, "{\"name\":\"Capped\"}");
        HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB
                        + "/api/v1/tenants/" + capped.path("id").asText()))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"maxConnections\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).isEqualTo(200);
        String key = capped.path("apiKey").asText();
        SocketClient onA = SocketClient.connect(uri(portA, "one", ""), Map.of("X-Api-Key", key));
        SocketClient onB = SocketClient.connect(uri(portB, "two", ""), Map.of("X-Api-Key", key));
        open.add(onA);
        open.add(onB);
        assertThat(onA.next().path("type").asText()).isEqualTo("welcome");
        assertThat(onB.next().path("type").asText()).isEqualTo("welcome");
        SocketClient third = SocketClient.connect(uri(portA, "three", ""), Map.of("X-Api-Key", key));
        assertThat(third.awaitClose()).isEqualTo(1013);
        onA.close();
        onB.close();
    }

    @Test
    @Order(4)
    void aPeerResumesOnTheOtherNodeAndGetsWhatItMissedInOrder() {
        SocketClient carol = connect(portB, "carol", "");
        String sessionId = carol.welcome.path("sessionId").asText();
        String token = carol.welcome.path("resumeToken").asText();
        join(carol, "call");
        alice.nextOfType("peer.joined");
        bob.nextOfType("peer.joined");
        carol.close();
        assertThat(alice.nextOfType("peer.left").path("peer").asText()).isEqualTo("carol");
        bob.nextOfType("peer.left");
        for (int i = 1; i <= 3; i++) {
            alice.send("{\"type\":\"offer\",\"to\":\"carol\",\"sdp\":\"missed-" + i + "\"}");
        }
        alice.send("{\"type\":\"ping\",\"id\":\"fence\"}");
        assertThat(alice.nextOfType("pong").path("replyTo").asText()).isEqualTo("fence");

        SocketClient back = connect(portA, "carol", "?resume=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(back.welcome.path("sessionId").asText()).isEqualTo(sessionId);
        JsonNode resumed = back.next();
        assertThat(resumed.path("type").asText()).isEqualTo("resumed");
        assertThat(resumed.path("missed").asInt()).isEqualTo(3);
        assertThat(List.of(back.next(), back.next(), back.next())).extracting(f -> f.path("sdp").asText())
                .containsExactly("missed-1", "missed-2", "missed-3");
        assertThat(bob.nextOfType("peer.joined").path("peer").asText()).isEqualTo("carol");
        back.close();
        bob.nextOfType("peer.left");
        alice.nextOfType("peer.left");
    }

    @Test
    @Order(5)
    void pipelinedFramesCrossNodesInTheirSendersOrderWhileJoinsAndLeavesAreInFlight() {
        int pairs = 3;
        int rounds = 3;
        List<SocketClient> receivers = new ArrayList<>();
        List<SocketClient> senders = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            SocketClient receiver = connect(portB, "rx" + p, "");
            join(receiver, "xroom-" + p);
            receivers.add(receiver);
            senders.add(connect(portA, "tx" + p, ""));
        }
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < pairs; p++) {
                SocketClient sender = senders.get(p);
                sender.send("{\"type\":\"join\",\"room\":\"xroom-" + p + "\"}");
                sender.send("{\"type\":\"offer\",\"to\":\"rx" + p + "\",\"sdp\":\"v=" + r + "\"}");
                for (int c = 0; c < 5; c++) {
                    sender.send("{\"type\":\"candidate\",\"to\":\"rx" + p + "\",\"candidate\":{\"candidate\":\"c"
                            + r + "." + c + "\"}}");
                }
                sender.send("{\"type\":\"leave\",\"room\":\"xroom-" + p + "\"}");
            }
        }
        for (int p = 0; p < pairs; p++) {
            List<String> seen = new ArrayList<>();
            long seq = 0;
            for (int i = 0; i < rounds * 8; i++) {
                JsonNode frame = receivers.get(p).next();
                assertThat(frame.path("seq").asLong()).as("numbered without gaps").isEqualTo(++seq);
                String type = frame.path("type").asText();
                seen.add(type + " " + (type.startsWith("peer.") ? frame.path("peer").asText()
                        : type.equals("offer") ? frame.path("sdp").asText()
                        : frame.path("candidate").path("candidate").asText()));
            }
            List<String> expected = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                expected.add("peer.joined tx" + p);
                expected.add("offer v=" + r);
                for (int c = 0; c < 5; c++) {
                    expected.add("candidate c" + r + "." + c);
                }
                expected.add("peer.left tx" + p);
            }
            assertThat(seen).as("what rx%d saw", p).containsExactlyElementsOf(expected);
        }
        receivers.forEach(SocketClient::close);
        senders.forEach(SocketClient::close);
    }

    @Test
    @Order(6)
    void aResumeOnOneNodeTakesOverASessionWhoseSocketWentSilentOnTheOther() throws Exception {
        try (RawSocket silent = RawSocket.open(uri(portB, "gina", ""), token(portA, "gina"))) {
            JsonNode welcome = JSON.readTree(silent.readText(5_000));
            alice.send("{\"type\":\"offer\",\"to\":\"gina\",\"sdp\":\"g1\"}");
            alice.send("{\"type\":\"offer\",\"to\":\"gina\",\"sdp\":\"g2\"}");
            alice.send("{\"type\":\"ping\",\"id\":\"gina-fence\"}");
            assertThat(alice.nextOfType("pong").path("replyTo").asText()).isEqualTo("gina-fence");

            SocketClient back = connect(portA, "gina", "?resume=" + URLEncoder.encode(
                    welcome.path("resumeToken").asText(), StandardCharsets.UTF_8) + "&seen=0");
            assertThat(back.welcome.path("sessionId").asText()).isEqualTo(welcome.path("sessionId").asText());
            JsonNode resumed = back.next();
            assertThat(resumed.path("missed").asInt()).isEqualTo(2);
            assertThat(resumed.has("lost")).isFalse();
            assertThat(List.of(back.next(), back.next())).extracting(f -> f.path("sdp").asText() + "#"
                    + f.path("seq").asLong()).containsExactly("g1#1", "g2#2");
            assertThat(silent.awaitCloseCode(5_000)).isEqualTo(4409);
            alice.send("{\"type\":\"offer\",\"to\":\"gina\",\"sdp\":\"g3\"}");
            assertThat(back.next().path("sdp").asText()).isEqualTo("g3");
            back.close();
        }
    }

    @Test
    @Order(7)
    void whenANodeIsKilledItsPeersLeaveTheirRoomsWithinTheNodeTtl() throws Exception {
        long killed = System.nanoTime();
        nodeB.kill();
        JsonNode left = alice.nextOfType("peer.left", NODE_TTL.plusSeconds(3));
        long tookMs = (System.nanoTime() - killed) / 1_000_000;
        assertThat(left.path("peer").asText()).isEqualTo("bob");
        assertThat(left.path("reason").asText()).isEqualTo("lost");
        assertThat(tookMs).as("peer.left after %d ms", tookMs).isLessThanOrEqualTo(NODE_TTL.toMillis() + 500);
        alice.send("{\"type\":\"offer\",\"id\":\"gone\",\"to\":\"bob\",\"sdp\":\"v=0\"}");
        assertThat(alice.nextOfType("error").path("code").asText()).isEqualTo("peer_unavailable");
    }

    @Test
    @Order(8)
    void withRedisDownNewConnectionsAreRefusedLocalRelayGoesOnAndEverythingRecovers() throws Exception {
        SocketClient erin = connect(portA, "erin", "");
        redis.kill();
        awaitStatus(portA, "/q/health/ready", 503, Duration.ofSeconds(10));
        SocketClient refused = SocketClient.connect(uri(portA, "frank", ""), Map.of("X-Api-Key", apiKey));
        assertThat(refused.awaitClose()).isEqualTo(1013);
        alice.send("{\"type\":\"offer\",\"to\":\"erin\",\"sdp\":\"while-redis-down\"}");
        assertThat(erin.nextOfType("offer").path("sdp").asText()).isEqualTo("while-redis-down");

        redis = NodeProcess.redis(redisPort, logs);
        awaitStatus(portA, "/q/health/ready", 200, Duration.ofSeconds(20));
        nodeB = NodeProcess.parley("node-b-restarted", portB, env, logs);
        SocketClient frank = awaitConnect(portB, "frank", Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode received = null;
        while (received == null && System.nanoTime() < deadline) {
            frank.send("{\"type\":\"signal\",\"id\":\"probe\",\"to\":\"alice\",\"data\":{\"hello\":true}}");
            JsonNode reply = alice.nextOrNull(Duration.ofMillis(500));
            if (reply != null && "signal".equals(reply.path("type").asText())) {
                received = reply;
            }
            frank.drain();
        }
        assertThat(received).as("alice reachable from the other node after Redis came back").isNotNull();
        assertThat(received.path("from").asText()).isEqualTo("frank");
    }

    @Test
    @Order(9)
    void onSigtermANodeAsksItsClientsToReconnectAndClosesWith1012() throws Exception {
        nodeA.terminate();
        JsonNode reconnect = alice.nextOfType("reconnect", Duration.ofSeconds(10));
        assertThat(reconnect.path("reason").asText()).isEqualTo("draining");
        assertThat(alice.awaitClose()).isEqualTo(1012);
        assertThat(nodeA.awaitExit(Duration.ofSeconds(15))).isTrue();
        nodeA = null;
    }

    // --- helpers ---

    private static SocketClient connect(int port, String peer, String query) {
        SocketClient client = SocketClient.connect(uri(port, peer, query), Map.of("X-Api-Key", apiKey));
        client.welcome = client.next();
        assertThat(client.welcome.path("type").asText()).isEqualTo("welcome");
        open.add(client);
        return client;
    }

    private static SocketClient awaitConnect(int port, String peer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return connect(port, peer, "");
            } catch (AssertionError refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                NodeProcess.sleep(300);
            }
        }
    }

    private static String token(int port, String peer) throws Exception {
        return post(port, "/api/v1/tokens", null, apiKey, "{\"peerId\":\"" + peer + "\"}").path("token").asText();
    }

    private static URI uri(int port, String peer, String query) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/v1/signal/" + peer + query);
    }

    private static JsonNode join(SocketClient client, String room) {
        client.send("{\"type\":\"join\",\"room\":\"" + room + "\"}");
        return client.nextOfType("joined");
    }

    private static void awaitStatus(int port, String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (NodeProcess.status(port, path) != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered " + status);
            }
            NodeProcess.sleep(200);
        }
    }

    private static JsonNode post(int port, String path, String authorization, String apiKey, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}

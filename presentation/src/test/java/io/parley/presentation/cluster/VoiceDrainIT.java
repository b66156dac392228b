package io.parley.presentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.WireClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node run from the jar with Deepgram configured through its environment variables: a voice session
 * works, and on SIGTERM the node ends it ("voice.stopped", reason "draining") before asking the client
 * to reconnect and closing with 1012.
 */
class VoiceDrainIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "voice-drain-it-admin";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<NodeProcess> processes = new ArrayList<>();
    private final FakeDeepgramServer deepgram = new FakeDeepgramServer();

    @AfterEach
    void stop() throws Exception {
        for (NodeProcess process : processes) {
            process.kill();
        }
        deepgram.stop();
    }

    @Test
    void aDrainingNodeEndsVoiceSessionsBeforeAskingClientsToReconnect() throws Exception {
        Map<String, String> speech = deepgram.start();
        Path logs = NodeProcess.logDirectory();
        int redisPort = NodeProcess.freePort();
        processes.add(NodeProcess.redis(redisPort, logs));
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_DATASOURCE_JDBC_URL", NodeProcess.testDatabaseUrl(),
                "PARLEY_ADMIN_TOKEN", ADMIN,
                "PARLEY_JWT_PRIVATE_KEY_LOCATION", NodeProcess.sharedSigningKey().toString(),
                "PARLEY_SHUTDOWN_DRAIN_TIMEOUT", "5s",
                "PARLEY_DEEPGRAM_API_KEY", speech.get("parley.deepgram.api-key"),
                "PARLEY_DEEPGRAM_BASE_URL", speech.get("parley.deepgram.base-url")));
        int port = NodeProcess.freePort();
        NodeProcess node = NodeProcess.parley("voice-node", port, env, logs);
        processes.add(node);
        String apiKey = admin(port, "/api/v1/tenants", "{\"name\":\"Voice drain IT\"}").path("apiKey").asText();

        try (WireClient alice = WireClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws/v1/signal/alice"),
                Map.of("X-Api-Key", apiKey))) {
            assertThat(alice.nextOfType("welcome", WAIT)).isNotNull();
            alice.sendText("{\"type\":\"voice.start\",\"id\":\"v1\",\"encoding\":\"mulaw\",\"sampleRate\":8000}");
            assertThat(alice.nextOfType("voice.started", WAIT).path("replyTo").asText()).isEqualTo("v1");
            assertThat(FakeDeepgramServer.listenSessions()).singleElement().satisfies(listen -> assertThat(
                    listen.authorization()).isEqualTo("Token " + FakeDeepgramServer.API_KEY));

            node.terminate();
            List<String> seen = new ArrayList<>();
            JsonNode stopped = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                WireClient.Frame frame = alice.next(Duration.ofMillis(100));
                if (frame == null || !frame.isText()) {
                    continue;
                }
                seen.add(frame.type());
                if ("voice.stopped".equals(frame.type())) {
                    stopped = frame.json();
                }
                if ("reconnect".equals(frame.type())) {
                    break;
                }
            }
            assertThat(stopped).as("voice.stopped among %s", seen).isNotNull();
            assertThat(stopped.path("reason").asText()).isEqualTo("draining");
            assertThat(seen).containsSubsequence("voice.stopped", "reconnect");
            assertThat(alice.awaitClose(WAIT).code()).isEqualTo(1012);
        }
        assertThat(node.awaitExit(Duration.ofSeconds(15))).isTrue();
        assertThat(FakeDeepgramServer.listenSessions().get(0).closed()).as("recognition closed on the way out")
                .isTrue();
    }

    private static JsonNode admin(int port, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}

package io.parley.presentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.presentation.support.SocketClient;
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
 * A node with a fixed node id, killed with SIGKILL and started again before any other node took it for
 * dead, clears what its previous run left in Redis before it takes sessions: rooms hear its peers left,
 * their directory entries go (relays to them fail instead of vanishing), and its tenants' connection
 * counts are right again.
 */
class NodeRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "restart-it-admin";

    private final List<NodeProcess> processes = new ArrayList<>();
    private final List<SocketClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        clients.forEach(SocketClient::close);
        for (NodeProcess process : processes) {
            process.kill();
        }
    }

    @Test
    void aNodeRestartedUnderItsFixedIdAfterACrashClearsWhatItsPreviousRunLeft() throws Exception {
        Path logs = NodeProcess.logDirectory();
        int redisPort = NodeProcess.freePort();
        processes.add(NodeProcess.redis(redisPort, logs));
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_DATASOURCE_JDBC_URL", NodeProcess.testDatabaseUrl(),
                "PARLEY_ADMIN_TOKEN", ADMIN,
                "PARLEY_JWT_PRIVATE_KEY_LOCATION", NodeProcess.sharedSigningKey().toString(),
                "PARLEY_CLUSTER_NODE_TTL", "60s"));
        Map<String, String> fixed = new HashMap<>(env);
        fixed.put("PARLEY_CLUSTER_NODE_ID", "node-x");
        int portX = NodeProcess.freePort();
        int portW = NodeProcess.freePort();
        NodeProcess nodeX = NodeProcess.parley("node-x", portX, fixed, logs);
        processes.add(nodeX);
        processes.add(NodeProcess.parley("node-w", portW, env, logs));

        JsonNode tenant = send(portW, "POST", "/api/v1/tenants", "{\"name\":\"Restart IT\"}");
        send(portW, "PATCH", "/api/v1/tenants/" + tenant.path("id").asText(), "{\"maxConnections\":2}");
        String key = tenant.path("apiKey").asText();

        SocketClient watcher = connect(portW, "watcher", key);
        join(watcher, "call");
        SocketClient hank = connect(portX, "hank", key);
        join(hank, "call");
        assertThat(watcher.nextOfType("peer.joined").path("peer").asText()).isEqualTo("hank");

        nodeX.kill();
        processes.remove(nodeX);
        processes.add(NodeProcess.parley("node-x-restarted", portX, fixed, logs));

        JsonNode left = watcher.nextOfType("peer.left", Duration.ofSeconds(10));
        assertThat(left.path("peer").asText()).isEqualTo("hank");
        assertThat(left.path("reason").asText()).isEqualTo("lost");
        watcher.send("{\"type\":\"offer\",\"id\":\"o\",\"to\":\"hank\",\"sdp\":\"v=0\"}");
        assertThat(watcher.nextOfType("error").path("code").asText()).isEqualTo("peer_unavailable");
        connect(portX, "ivy", key);
        SocketClient third = SocketClient.connect(URI.create("ws://127.0.0.1:" + portX + "/ws/v1/signal/jo"),
                Map.of("X-Api-Key", key));
        clients.add(third);
        assertThat(third.awaitClose()).as("the cap of 2 counts the watcher and ivy, not hank").isEqualTo(1013);
    }

    private SocketClient connect(int port, String peer, String key) {
        SocketClient client = SocketClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws/v1/signal/" + peer),
                Map.of("X-Api-Key", key));
        clients.add(client);
        assertThat(client.next().path("type").asText()).isEqualTo("welcome");
        return client;
    }

    private static void join(SocketClient client, String room) {
        client.send("{\"type\":\"join\",\"room\":\"" + room + "\"}");
        client.nextOfType("joined");
    }

    private static JsonNode send(int port, String method, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}

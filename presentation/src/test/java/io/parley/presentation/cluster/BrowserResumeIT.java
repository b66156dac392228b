package io.parley.presentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.presentation.support.BrowserPage;
import io.parley.presentation.support.Chromium;
import io.parley.presentation.support.SocketClient;
import io.parley.presentation.support.SwitchableProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript client in headless Chromium, on a node that is drained (SIGTERM: {@code reconnect}, close
 * 1012): it reconnects to the same address, now served by another node, resumes its session, and receives
 * every frame another peer sent it meanwhile, in order.
 */
class BrowserResumeIT {

    private static final String ADMIN = "browser-resume-admin";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aBrowserCutOffByADrainResumesOnAnotherNodeWithoutLosingAFrame() throws Exception {
        Path logs = NodeProcess.logDirectory();
        int redisPort = NodeProcess.freePort();
        NodeProcess redis = NodeProcess.redis(redisPort, logs);
        Map<String, String> env = Map.of(
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_DATASOURCE_JDBC_URL", NodeProcess.testDatabaseUrl(),
                "PARLEY_ADMIN_TOKEN", ADMIN,
                "PARLEY_JWT_PRIVATE_KEY_LOCATION", NodeProcess.sharedSigningKey().toString(),
                "PARLEY_DATA_DIR", logs.resolve("browser-resume-data").toString(),
                "PARLEY_SHUTDOWN_DRAIN_TIMEOUT", "10s");
        int portA = NodeProcess.freePort();
        int portB = NodeProcess.freePort();
        NodeProcess nodeA = NodeProcess.parley("browser-node-a", portA, env, logs);
        NodeProcess nodeB = NodeProcess.parley("browser-node-b", portB, env, logs);
        try (SwitchableProxy proxy = SwitchableProxy.to(portA); Chromium chromium = Chromium.launch()) {
            String apiKey = post(portA, "/api/v1/tenants", "Authorization", "Bearer " + ADMIN, "{\"name\":\"Browser\"}")
                    .path("apiKey").asText();
            String aliceToken = post(portA, "/api/v1/tokens", "X-Api-Key", apiKey, "{\"peerId\":\"alice\"}")
                    .path("token").asText();
            BrowserPage page = chromium.openPage("http://127.0.0.1:" + proxy.port() + "/");
            String sessionId = page.evaluate(CONNECT_ALICE.formatted(aliceToken)).asText();
            page.awaitTrue("window.joined === true", WAIT);

            SocketClient bob = SocketClient.connect(URI.create("ws://127.0.0.1:" + portB + "/ws/v1/signal/bob"),
                    Map.of("X-Api-Key", apiKey));
            assertThat(bob.next().path("type").asText()).isEqualTo("welcome");
            bob.send("{\"type\":\"join\",\"room\":\"resume-room\"}");
            assertThat(bob.nextOfType("joined").path("peers").toString()).contains("alice");
            sendSignals(bob, 0, 10);
            page.awaitTrue("window.got.length === 10", WAIT);

            proxy.switchTo(portB);
            nodeA.terminate();
            page.awaitTrue("window.events.includes('close:1012')", WAIT);
            sendSignals(bob, 10, 30);

            page.awaitTrue("window.got.length >= 30 && window.client.state === 'open'", WAIT);
            assertThat(page.evaluate("JSON.stringify(window.got)").asText())
                    .isEqualTo(IntStream.range(0, 30).boxed().toList().toString().replace(" ", ""));
            assertThat(page.evaluate("window.client.session.sessionId").asText()).as("the same session")
                    .isEqualTo(sessionId);
            assertThat(page.evaluate("window.events.filter(e => e.startsWith('resumed')).length").asInt())
                    .isEqualTo(1);
            assertThat(page.evaluate("window.events.includes('lost')").asBoolean()).as("nothing lost").isFalse();
            assertThat(nodeA.awaitExit(WAIT)).as("the drained node exited").isTrue();
            bob.close();
        } finally {
            nodeA.kill();
            nodeB.kill();
            redis.kill();
        }
    }

    /** Alice on the page: the client module served by the node, her events recorded for the test. */
    private static final String CONNECT_ALICE = """
            (async () => {
              const { ParleyClient } = await import('/js/parley-client.js');
              window.got = [];
              window.events = [];
              const client = new ParleyClient({ peerId: 'alice', token: '%s',
                  reconnect: { minDelayMs: 100, maxDelayMs: 1000 } });
              client.on('signal', frame => window.got.push(frame.data.n));
              client.on('joined', () => { window.joined = true; });
              client.on('resumed', info => window.events.push('resumed'));
              client.on('lost', () => window.events.push('lost'));
              client.on('close', close => window.events.push('close:' + close.code));
              window.client = client;
              const welcome = await client.connect();
              client.join('resume-room');
              return welcome.sessionId;
            })()
            """;

    private static void sendSignals(SocketClient bob, int from, int to) {
        for (int n = from; n < to; n++) {
            bob.send("{\"type\":\"signal\",\"to\":\"alice\",\"data\":{\"n\":" + n + "}}");
        }
    }

    private static JsonNode post(int port, String path, String header, String value, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}

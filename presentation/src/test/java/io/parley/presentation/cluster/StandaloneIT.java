package io.parley.presentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.presentation.support.BrowserPage;
import io.parley.presentation.support.Chromium;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The jar started with no database and no Redis configured runs standalone: its own PostgreSQL and Redis
 * under the data directory, a generated admin token shown once, a demo tenant; data survives a SIGKILL and
 * a restart (which stops what the killed node left running), and a SIGTERM leaves no process behind.
 */
class StandaloneIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEMO_PAGE = Pattern.compile("Demo page:\\s+(http://localhost:\\d+/#demo=([A-Za-z0-9_-]+))");
    private static final Pattern SHOWN_TOKEN = Pattern.compile("Admin token:\\s+(pat_[A-Za-z0-9_-]+)");

    @Test
    void aBareMachineGetsAWorkingNodeThatKeepsItsDataAndCleansUpAfterItself() throws Exception {
        Path logs = NodeProcess.logDirectory();
        Path dataDir = Files.createTempDirectory(logs, "standalone-data").toAbsolutePath();
        int port = NodeProcess.freePort();
        Map<String, String> nothingConfigured = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "", "QUARKUS_REDIS_HOSTS", "",
                "PARLEY_ADMIN_TOKEN", "", "PARLEY_DATA_DIR", dataDir.toString());

        try {
            startKillRestartAndStop(logs, dataDir, port, nothingConfigured);
        } finally {
            processesUnder(dataDir).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void startKillRestartAndStop(Path logs, Path dataDir, int port, Map<String, String> nothingConfigured)
            throws Exception {
        NodeProcess first = NodeProcess.parley("standalone-first-" + dataDir.getFileName(), port, nothingConfigured, logs);
        String tenantKey;
        try {
            String output = welcome(first, logs);
            assertThat(output).contains("runs its own PostgreSQL and Redis").contains("not for a cluster or production")
                    .contains("Demo page:          http://localhost:" + port + "/#demo=");
            Matcher shown = SHOWN_TOKEN.matcher(output);
            assertThat(shown.find()).as("the generated admin token is printed").isTrue();
            String adminToken = shown.group(1);
            assertThat(Files.readString(dataDir.resolve("admin-token")).trim()).isEqualTo(adminToken);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
                    .isEqualTo("rw-------");

            HttpResponse<String> created = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/tenants"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"acme\"}")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            tenantKey = JSON.readTree(created.body()).get("apiKey").asText();
            assertThat(conversationsStatus(port, tenantKey)).isEqualTo(200);

            Matcher page = DEMO_PAGE.matcher(output);
            assertThat(page.find()).as("the demo page's address is printed").isTrue();
            assertThat(send(port, HttpRequest.newBuilder(uri(port, "/standalone/demo-tenant"))).statusCode())
                    .as("no key without the printed secret").isEqualTo(403);
            JsonNode demo = JSON.readTree(send(port, HttpRequest.newBuilder(uri(port, "/standalone/demo-tenant"))
                    .header("X-Parley-Demo-Secret", page.group(2))).body());
            assertThat(conversationsStatus(port, demo.get("apiKey").asText())).isEqualTo(200);
            chatOnTheDemoPageWithTheDemoTenant(page.group(1));
            assertThat(processesUnder(dataDir)).as("its PostgreSQL and Redis").hasSize(2);

            NodeProcess intruder = NodeProcess.start("standalone-intruder-" + dataDir.getFileName(),
                    NodeProcess.freePort(), nothingConfigured, logs);
            assertThat(intruder.awaitExit(Duration.ofSeconds(60))).as("a second node on the same data dir").isTrue();
            assertThat(intruder.exitValue()).isNotZero();
            assertThat(intruder.output(logs)).contains("another Parley node is running on");
            assertThat(conversationsStatus(port, tenantKey)).as("the first node is untouched").isEqualTo(200);
            assertThat(processesUnder(dataDir)).hasSize(2);
        } finally {
            first.kill();
        }
        assertThat(processesUnder(dataDir)).as("what a SIGKILL leaves running").isNotEmpty();

        NodeProcess second = NodeProcess.parley("standalone-second-" + dataDir.getFileName(), port, nothingConfigured, logs);
        try {
            String output = welcome(second, logs);
            assertThat(output).contains("left running by an earlier node that did not shut down")
                    .contains("Admin token:        in " + dataDir.resolve("admin-token"));
            assertThat(SHOWN_TOKEN.matcher(output).find()).as("the token is shown once").isFalse();
            assertThat(conversationsStatus(port, tenantKey)).as("the tenant survived the restart").isEqualTo(200);
            assertThat(processesUnder(dataDir)).as("one PostgreSQL and one Redis, the old ones gone").hasSize(2);

            second.terminate();
            assertThat(second.awaitExit(Duration.ofSeconds(60))).as("the node stopped").isTrue();
            assertThat(second.output(logs)).contains("standalone: stopped PostgreSQL and Redis");
            assertThat(processesUnder(dataDir)).as("nothing left behind by a SIGTERM").isEmpty();
        } finally {
            second.kill();
        }
    }

    /** What a new user does: opens the printed address, picks the demo tenant, connects and chats. */
    private static void chatOnTheDemoPageWithTheDemoTenant(String printedAddress) {
        try (Chromium chromium = Chromium.launch(); BrowserPage page = chromium.openPage(printedAddress)) {
            page.awaitTrue("!document.getElementById('demo-tenant').hidden", Duration.ofSeconds(30));
            assertThat(page.evaluate("location.hash").asText()).as("the secret is taken out of the address").isEmpty();
            page.evaluate("document.getElementById('use-demo-tenant').click()");
            page.awaitTrue("document.getElementById('api-key').value.startsWith('pk_')", Duration.ofSeconds(30));
            page.evaluate("document.getElementById('connect').click()");
            page.awaitTrue("document.getElementById('state').dataset.state === 'open'", Duration.ofSeconds(30));
            page.evaluate("document.getElementById('chat-input').value = 'hello'; "
                    + "document.getElementById('chat-send').click()");
            page.awaitTrue("document.querySelector('#chat-log li[data-role=agent][data-done=true]') !== null",
                    Duration.ofSeconds(30));
            assertThat(page.evaluate("document.querySelector('#chat-log li[data-role=agent]').textContent").asText())
                    .isNotBlank();
        }
    }

    /** The node's output once it has printed its welcome (just after it starts serving). */
    private static String welcome(NodeProcess node, Path logs) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String output = node.output(logs);
        while (!output.contains("Demo page:") && System.nanoTime() < deadline) {
            NodeProcess.sleep(100);
            output = node.output(logs);
        }
        return output;
    }

    private static int conversationsStatus(int port, String apiKey) throws Exception {
        return send(port, HttpRequest.newBuilder(uri(port, "/api/v1/conversations")).header("X-Api-Key", apiKey))
                .statusCode();
    }

    private static HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException,
            InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The postmaster and redis-server whose command lines name the data directory (the main processes only). */
    private static List<ProcessHandle> processesUnder(Path dataDir) {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(dir)).orElse(false))
                .toList();
    }
}

package io.parley.presentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Database;
import io.parley.presentation.support.Database.AuditCount;
import io.parley.presentation.support.SocketClient;
import io.parley.presentation.support.SocketClient.HandshakeRefused;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Parley process from the built jar, stopped with SIGTERM, stores the audit events it still held
 * before its datasource goes away: here refusals still being counted (an hour-long window).
 */
class AuditShutdownIT {

    @Test
    void aGracefulStopStoresEverythingStillBuffered() throws Exception {
        Path logs = NodeProcess.logDirectory();
        int redisPort = NodeProcess.freePort();
        NodeProcess redis = NodeProcess.redis(redisPort, logs);
        int port = NodeProcess.freePort();
        NodeProcess node = NodeProcess.parley("audit-node", port, Map.of(
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_DATASOURCE_JDBC_URL", NodeProcess.testDatabaseUrl(),
                "PARLEY_DATA_DIR", "target/it-audit-data",
                "PARLEY_AUDIT_AGGREGATE_WINDOW", "1h"), logs);
        String peer = "shutdown-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = Database.open(NodeProcess.testDatabaseUrl())) {
            URI socket = URI.create("ws://127.0.0.1:" + port + "/ws/v1/signal/" + peer);
            for (int i = 0; i < 5; i++) {
                try {
                    SocketClient.connect(socket, Map.of("Authorization", "Bearer not-a-jwt")).close();
                    throw new AssertionError("the upgrade was accepted");
                } catch (HandshakeRefused refused) {
                    assertThat(refused.status()).isEqualTo(401);
                }
            }
            assertThat(Database.auditCount(db, "auth_failed", peer)).as("still being counted")
                    .isEqualTo(new AuditCount(0, 0));

            node.terminate();
            assertThat(node.awaitExit(Duration.ofSeconds(60))).as("node exited").isTrue();

            assertThat(Database.auditCount(db, "auth_failed", peer)).isEqualTo(new AuditCount(1, 5));
        } finally {
            node.kill();
            redis.kill();
        }
    }
}

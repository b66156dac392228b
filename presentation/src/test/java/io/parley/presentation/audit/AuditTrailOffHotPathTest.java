package io.parley.presentation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Await;
import io.parley.presentation.support.Database;
import io.parley.presentation.support.Database.AuditCount;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.parley.presentation.support.SocketClient.HandshakeRefused;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The session audit trail is written in the background: floods and a stuck table never reach the connect path. */
@QuarkusTest
class AuditTrailOffHotPathTest {

    @TestHTTPResource("/")
    URI base;

    private int refusal(String peer, String authorization) {
        try {
            SocketClient.connect(Parley.socketUri(base, peer), Map.of("Authorization", authorization)).close();
        } catch (HandshakeRefused e) {
            return e.status();
        }
        throw new AssertionError("the upgrade was accepted");
    }

    @Test
    void aFloodOfBadTokensIsStoredAsAFewCountedRows() throws Exception {
        String peer = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = IntStream.range(0, 200)
                    .mapToObj(i -> clients.submit(() -> refusal(peer, "Bearer not-a-jwt"))).toList();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(401);
            }
        } finally {
            clients.shutdownNow();
        }
        Duration flood = Duration.ofNanos(System.nanoTime() - started);

        try (Connection db = Database.open()) {
            AuditCount stored = Await.until("200 refusals stored", () -> Database.auditCount(db, "auth_failed", peer),
                    count -> count.occurrences() >= 200);
            Duration window = ConfigProvider.getConfig().getValue("parley.audit.aggregate-window", Duration.class);
            assertThat(stored.occurrences()).isEqualTo(200);
            assertThat(stored.rows()).as("one row per window the flood lasted (%s)", flood)
                    .isBetween(1L, flood.toMillis() / window.toMillis() + 1);
        }
    }

    @Test
    void theApiShowsHowOftenARefusalHappened() {
        TenantAccess tenant = Parley.newTenant();
        String bobsToken = "Bearer " + Parley.token(tenant, "bob");
        for (int i = 0; i < 3; i++) {
            assertThat(refusal("mallory", bobsToken)).isEqualTo(403);
        }
        Await.until("three refusals of mallory", () -> Parley.sessionEvents(tenant).stream()
                .filter(e -> "auth_failed".equals(e.get("type")) && "mallory".equals(e.get("peerId")))
                .mapToInt(e -> (Integer) e.get("occurrences")).sum(), sum -> sum == 3);
    }

    @Test
    void connectsStayQuickWhileTheAuditTableIsLocked() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        List<String> peers = List.of("locked-1", "locked-2", "locked-3");
        Map<String, String> tokens = Map.of("locked-1", Parley.token(tenant, "locked-1"),
                "locked-2", Parley.token(tenant, "locked-2"), "locked-3", Parley.token(tenant, "locked-3"));
        String othersToken = "Bearer " + Parley.token(tenant, "bob");

        try (Connection locker = Database.open(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table session_events in access exclusive mode");
            for (String peer : peers) {
                String welcome = within(Duration.ofSeconds(2), () -> {
                    try (SocketClient socket = SocketClient.connect(Parley.socketUri(base, peer),
                            Map.of("Authorization", "Bearer " + tokens.get(peer)))) {
                        return socket.next().path("type").asText();
                    }
                });
                assertThat(welcome).isEqualTo("welcome");
            }
            assertThat(within(Duration.ofSeconds(2), () -> refusal("locked-1", othersToken))).isEqualTo(403);
            locker.rollback();
        }

        for (String peer : peers) {
            Parley.awaitSessionEvent(tenant, peer + " disconnected",
                    e -> "disconnected".equals(e.get("type")) && peer.equals(e.get("peerId")));
        }
        Parley.awaitSessionEvent(tenant, "the refusal", e -> "auth_failed".equals(e.get("type")));
        assertThat(Parley.sessionEvents(tenant)).filteredOn(e -> "connected".equals(e.get("type")))
                .extracting(e -> e.get("peerId")).containsExactlyInAnyOrderElementsOf(peers);
    }

    /** Runs the step on another thread and fails the test when it takes longer than {@code limit}. */
    private static <T> T within(Duration limit, java.util.concurrent.Callable<T> step) throws Exception {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> {
            try {
                return step.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("took longer than " + limit + " while session_events was locked", e);
        }
    }
}

package io.parley.presentation.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.port.in.CreateTenantUseCase;
import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link SessionEventRepository}. */
@QuarkusTest
class SessionEventRepositoryContractTest {

    @Inject
    SessionEventRepository events;

    @Inject
    CreateTenantUseCase createTenant;

    @Test
    void recordsEventsAndReadsATenantsNewestFirst() {
        TenantId tenant = createTenant.create("Audited").tenant().id();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ClientSession session = new ClientSession(new SessionId(UUID.randomUUID()), new PeerId("alice"), tenant, t0);
        session.recordActivity(7, t0.plusSeconds(1));
        events.recordAll(List.of(SessionEvent.connected(session, t0),
                SessionEvent.disconnected(session, "closed with 1000", Duration.ofMillis(1500), t0.plusSeconds(2)),
                SessionEvent.authFailed(Optional.empty(), "alice", "no credentials", t0.plusSeconds(3))));

        var recent = events.recent(tenant, 10);
        assertThat(recent).extracting(SessionEvent::type)
                .containsExactly(SessionEventType.DISCONNECTED, SessionEventType.CONNECTED);
        SessionEvent disconnected = recent.get(0);
        assertThat(disconnected.duration()).contains(Duration.ofMillis(1500));
        assertThat(disconnected.messageCount()).isEqualTo(1);
        assertThat(disconnected.tokensUsed()).isEqualTo(7);
        assertThat(disconnected.sessionId()).contains(session.id());
        assertThat(disconnected.reason()).contains("closed with 1000");
        assertThat(disconnected.occurrences()).isEqualTo(1);
        assertThat(events.recent(tenant, 1)).hasSize(1);
    }

    @Test
    void keepsHowOftenARefusalHappened() {
        TenantId tenant = createTenant.create("Counted").tenant().id();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        events.recordAll(List.of(SessionEvent.capacityRefused(tenant, new PeerId("p"), "tenant at capacity", t0)
                .times(42)));

        assertThat(events.recent(tenant, 1)).singleElement().satisfies(e -> {
            assertThat(e.occurrences()).isEqualTo(42);
            assertThat(e.at()).isEqualTo(t0);
        });
    }

    @Test
    void eventsOfATenantThatNoLongerExistsAreSkippedNotFailingTheBatch() {
        TenantId tenant = createTenant.create("Still here").tenant().id();
        TenantId gone = new TenantId(UUID.randomUUID());
        Instant now = Instant.now();
        events.recordAll(List.of(SessionEvent.capacityRefused(gone, new PeerId("p"), "r", now),
                SessionEvent.capacityRefused(tenant, new PeerId("p"), "r", now)));

        assertThat(events.recent(tenant, 10)).hasSize(1);
        assertThat(events.recent(gone, 10)).isEmpty();
    }

    @Test
    void pruningDeletesOnlyEventsOlderThanTheCutoff() {
        TenantId tenant = createTenant.create("Pruned").tenant().id();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        events.recordAll(List.of(
                SessionEvent.capacityRefused(tenant, new PeerId("old"), "r", now.minus(Duration.ofDays(100))),
                SessionEvent.capacityRefused(tenant, new PeerId("new"), "r", now.minus(Duration.ofDays(1)))));
        assertThat(events.deleteOlderThan(now.minus(Duration.ofDays(90)))).isGreaterThanOrEqualTo(1);
        assertThat(events.recent(tenant, 10)).extracting(e -> e.peerId().orElseThrow()).containsExactly("new");
    }

    @Test
    void pruningCommitsABoundedBatchAtATimeOldestFirst() throws Exception {
        TenantId tenant = createTenant.create("Pruned in batches").tenant().id();
        Instant oldest = Instant.parse("2001-01-01T00:00:00Z");
        int count = 12_000;
        events.deleteOlderThan(oldest.plusSeconds(count));
        events.recordAll(IntStream.range(0, count)
                .mapToObj(i -> SessionEvent.capacityRefused(tenant, new PeerId("p"), "r", oldest.plusSeconds(i)))
                .toList());
        try (Connection blocker = Database.open()) {
            blocker.setAutoCommit(false);
            lockNewestRow(blocker, tenant);
            CompletableFuture<Long> prune = CompletableFuture.supplyAsync(
                    () -> events.deleteOlderThan(oldest.plusSeconds(count)));

            Await.until("the first two batches deleted while the last waits for a locked row",
                    () -> countRows(tenant), left -> left == count - 10_000);
            assertThat(prune).isNotDone();
            blocker.rollback();
            assertThat(prune.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(count);
        }
        assertThat(countRows(tenant)).isZero();
    }

    @Test
    void pruningFindsOldEventsThroughTheTimeIndex() throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection connection = Database.open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            try (ResultSet lines = statement.executeQuery("explain select id from session_events"
                    + " where occurred_at < now() - interval '90 days' order by occurred_at limit 5000")) {
                while (lines.next()) {
                    plan.add(lines.getString(1));
                }
            }
            connection.rollback();
        }
        assertThat(String.join("\n", plan)).contains("Index").contains("session_events_occurred_at");
    }

    @Test
    void overlongReasonsAreCutNotRejected() {
        TenantId tenant = createTenant.create("Long reason").tenant().id();
        events.recordAll(List.of(SessionEvent.capacityRefused(tenant, new PeerId("p"), "x".repeat(2000),
                Instant.now())));
        assertThat(events.recent(tenant, 1).get(0).reason().orElseThrow()).hasSize(500);
    }

    private static void lockNewestRow(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from session_events where tenant_id = ?"
                + " order by occurred_at desc limit 1 for update")) {
            lock.setObject(1, tenant.value());
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).isTrue();
            }
        }
    }

    private static long countRows(TenantId tenant) {
        try (Connection connection = Database.open();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from session_events where tenant_id = ?")) {
            count.setObject(1, tenant.value());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

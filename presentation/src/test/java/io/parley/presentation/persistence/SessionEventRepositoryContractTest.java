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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    void overlongReasonsAreCutNotRejected() {
        TenantId tenant = createTenant.create("Long reason").tenant().id();
        events.recordAll(List.of(SessionEvent.capacityRefused(tenant, new PeerId("p"), "x".repeat(2000),
                Instant.now())));
        assertThat(events.recent(tenant, 1).get(0).reason().orElseThrow()).hasSize(500);
    }
}

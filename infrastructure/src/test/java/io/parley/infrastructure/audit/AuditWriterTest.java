package io.parley.infrastructure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditWriterTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration SHORT = Duration.ofMillis(10);

    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final FakeSessionEvents repository = new FakeSessionEvents();
    private AuditWriter writer;

    @AfterEach
    void stopWriter() {
        if (writer != null) {
            writer.stop();
        }
    }

    private AuditBuffer startWriter(int capacity, int batchSize, Duration flushInterval, Duration window) {
        AuditBuffer buffer = new AuditBuffer(capacity, batchSize, new RefusalCounts(window, 100));
        writer = new AuditWriter(buffer, repository, clock, flushInterval, SHORT, Duration.ofSeconds(5));
        writer.start();
        return buffer;
    }

    private List<SessionEvent> connections(int count) {
        return IntStream.range(0, count).mapToObj(i -> SessionEvent.connected(new ClientSession(
                new SessionId(UUID.randomUUID()), new PeerId("p" + i), tenant, t0), t0)).toList();
    }

    @Test
    void stopStoresEverythingHeldIncludingRefusalsStillBeingCounted() {
        AuditBuffer buffer = startWriter(100, 500, LONG, LONG);
        List<SessionEvent> connections = connections(3);
        connections.forEach(buffer::offer);
        for (int i = 0; i < 5; i++) {
            buffer.offer(SessionEvent.authFailed(Optional.empty(), "mallory", "no credentials", t0));
        }

        writer.stop();
        writer = null;

        assertThat(repository.stored()).hasSize(4).containsAll(connections);
        assertThat(repository.stored()).filteredOn(e -> e.type() == SessionEventType.AUTH_FAILED)
                .singleElement().extracting(SessionEvent::occurrences).isEqualTo(5);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aFullBatchIsStoredWithoutWaitingForTheFlushInterval() throws Exception {
        AuditBuffer buffer = startWriter(100, 3, LONG, LONG);
        connections(3).forEach(buffer::offer);

        assertThat(repository.awaitStored(3)).hasSize(3);
    }

    @Test
    void aFailedBatchIsRetriedUntilStoredWhileTheBufferKeepsItsBound() throws Exception {
        repository.goDown();
        AuditBuffer buffer = startWriter(5, 500, SHORT, LONG);
        List<SessionEvent> first = connections(5);
        first.forEach(buffer::offer);
        repository.awaitAttempts(3);

        assertThat(buffer.offer(connections(1).get(0))).as("buffer full while Postgres is down").isFalse();
        assertThat(buffer.size()).as("the failed batch is still held").isEqualTo(5);
        repository.comeBack();
        repository.awaitStored(5);
        writer.stop();
        writer = null;

        assertThat(repository.stored()).as("stored once, in order").containsExactlyElementsOf(first);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void refusalsAreStoredOnceTheirWindowHasPassed() throws Exception {
        AuditBuffer buffer = startWriter(100, 500, SHORT, Duration.ofSeconds(10));
        buffer.offer(SessionEvent.authFailed(Optional.empty(), "mallory", "no credentials", t0.minusSeconds(20)));
        buffer.offer(SessionEvent.authFailed(Optional.empty(), "mallory", "no credentials", t0.minusSeconds(15)));

        assertThat(repository.awaitStored(1)).singleElement().satisfies(e -> {
            assertThat(e.occurrences()).isEqualTo(2);
            assertThat(e.at()).isEqualTo(t0.minusSeconds(20));
        });
    }
}

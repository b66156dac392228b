package io.parley.infrastructure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditBufferTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    private static AuditBuffer buffer(int capacity, int maxKeys) {
        return new AuditBuffer(capacity, 500, new RefusalCounts(WINDOW, maxKeys));
    }

    private SessionEvent connected(String peer, Instant at) {
        return SessionEvent.connected(new ClientSession(new SessionId(UUID.randomUUID()), new PeerId(peer), tenant, at),
                at);
    }

    private SessionEvent badToken(String peer, Instant at) {
        return SessionEvent.authFailed(Optional.empty(), peer, "invalid token: malformed", at);
    }

    @Test
    void holdsNoMoreThanItsCapacityAndCountsWhatItDrops() {
        AuditBuffer buffer = buffer(3, 100);
        List<Boolean> taken = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> buffer.offer(connected("p" + i, t0))).toList();
        assertThat(taken).containsExactly(true, true, true, false, false);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.takeDropped()).isEqualTo(2);
        assertThat(buffer.takeDropped()).isZero();

        buffer.remove(buffer.nextBatch(t0).size());
        assertThat(buffer.offer(connected("later", t0))).isTrue();
    }

    @Test
    void anOpenRefusalCountTakesOnePlaceHoweverOftenItRepeats() {
        AuditBuffer buffer = buffer(2, 100);
        for (int i = 0; i < 1_000; i++) {
            assertThat(buffer.offer(badToken("mallory", t0.plusMillis(i)))).isTrue();
        }
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.takeDropped()).isZero();
    }

    @Test
    void refusalsAlikeWithinTheWindowBecomeOneEventAtTheFirstTime() {
        AuditBuffer buffer = buffer(100, 100);
        buffer.offer(badToken("mallory", t0));
        buffer.offer(badToken("mallory", t0.plusSeconds(3)));
        buffer.offer(badToken("mallory", t0.plus(WINDOW).minusMillis(1)));

        assertThat(buffer.nextBatch(t0.plusSeconds(5))).as("still counting").isEmpty();
        List<SessionEvent> stored = buffer.nextBatch(t0.plus(WINDOW));
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.occurrences()).isEqualTo(3);
            assertThat(e.at()).isEqualTo(t0);
            assertThat(e.peerId()).contains("mallory");
        });
    }

    @Test
    void aRefusalAfterTheWindowStartsANewCount() {
        AuditBuffer buffer = buffer(100, 100);
        buffer.offer(badToken("mallory", t0));
        buffer.offer(badToken("mallory", t0.plusSeconds(1)));
        buffer.offer(badToken("mallory", t0.plus(WINDOW)));

        assertThat(buffer.nextBatch(t0.plus(WINDOW).plus(WINDOW)))
                .extracting(SessionEvent::at, SessionEvent::occurrences)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(t0, 2),
                        org.assertj.core.groups.Tuple.tuple(t0.plus(WINDOW), 1));
    }

    @Test
    void refusalsOfAnotherTypeTenantPeerOrReasonAreCountedApart() {
        AuditBuffer buffer = buffer(100, 100);
        buffer.offer(badToken("mallory", t0));
        buffer.offer(badToken("eve", t0));
        buffer.offer(SessionEvent.authFailed(Optional.of(tenant), "mallory", "invalid token: malformed", t0));
        buffer.offer(SessionEvent.authFailed(Optional.empty(), "mallory", "no credentials", t0));
        buffer.offer(SessionEvent.capacityRefused(tenant, new PeerId("mallory"), "invalid token: malformed", t0));

        assertThat(buffer.nextBatch(t0.plus(WINDOW))).hasSize(5).extracting(SessionEvent::occurrences).containsOnly(1);
    }

    @Test
    void connectionsAreNeverCounted() {
        AuditBuffer buffer = buffer(100, 100);
        SessionEvent connect = connected("alice", t0);
        buffer.offer(connect);
        buffer.offer(connect);

        assertThat(buffer.nextBatch(t0)).containsExactly(connect, connect);
    }

    @Test
    void pastTheKeyCapNewRefusalsAreCountedWithoutTheirPeer() {
        AuditBuffer buffer = buffer(100, 2);
        for (int i = 0; i < 100; i++) {
            buffer.offer(badToken("random-" + i, t0));
        }
        buffer.offer(badToken("random-0", t0.plusSeconds(1)));
        assertThat(buffer.size()).isEqualTo(3);

        List<SessionEvent> stored = buffer.nextBatch(t0.plus(WINDOW));
        assertThat(stored).extracting(e -> e.peerId().orElse("(none)"), SessionEvent::occurrences)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("random-0", 2),
                        org.assertj.core.groups.Tuple.tuple("random-1", 1),
                        org.assertj.core.groups.Tuple.tuple("(none)", 98));
        assertThat(stored).extracting(SessionEvent::type).containsOnly(SessionEventType.AUTH_FAILED);
    }

    @Test
    void aBatchStaysInTheBufferUntilItIsRemoved() {
        AuditBuffer buffer = new AuditBuffer(100, 2, new RefusalCounts(WINDOW, 100));
        SessionEvent a = connected("a", t0);
        SessionEvent b = connected("b", t0);
        SessionEvent c = connected("c", t0);
        List.of(a, b, c).forEach(buffer::offer);

        assertThat(buffer.nextBatch(t0)).containsExactly(a, b);
        assertThat(buffer.nextBatch(t0)).as("not stored yet, so offered again").containsExactly(a, b);
        buffer.remove(2);
        assertThat(buffer.nextBatch(t0)).containsExactly(c);
    }

    @Test
    void closingAllCountsHandsOverRefusalsStillInTheirWindow() {
        AuditBuffer buffer = buffer(100, 100);
        buffer.offer(badToken("mallory", t0));
        buffer.offer(badToken("mallory", t0));
        buffer.closeAllCounts();

        assertThat(buffer.nextBatch(t0)).singleElement().extracting(SessionEvent::occurrences).isEqualTo(2);
    }
}

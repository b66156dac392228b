package io.parley.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.core.InvalidInputException;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientSessionTest {

    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    private ClientSession session() {
        return new ClientSession(new SessionId(UUID.randomUUID()), new PeerId("alice"), new TenantId(UUID.randomUUID()),
                t0);
    }

    @Test
    void movesFromConnectingToOpenToClosedOnce() {
        ClientSession s = session();
        assertThat(s.state()).isEqualTo(SessionState.CONNECTING);
        s.open();
        assertThat(s.state()).isEqualTo(SessionState.OPEN);
        assertThatThrownBy(s::open).isInstanceOf(IllegalStateException.class);
        assertThat(s.close(t0.plusSeconds(90))).isTrue();
        assertThat(s.close(t0.plusSeconds(100))).isFalse();
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void countsMessagesAndTokensAndTracksActivity() {
        ClientSession s = session();
        s.recordActivity(10, t0.plusSeconds(5));
        s.recordActivity(0, t0.plusSeconds(7));
        assertThat(s.messageCount()).isEqualTo(2);
        assertThat(s.tokensUsed()).isEqualTo(10);
        assertThat(s.lastActivityAt()).isEqualTo(t0.plusSeconds(7));
        assertThatThrownBy(() -> s.recordActivity(-1, t0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationRunsUntilClosedThenStops() {
        ClientSession s = session();
        assertThat(s.duration(Clock.fixed(t0.plusSeconds(30), ZoneOffset.UTC))).isEqualTo(Duration.ofSeconds(30));
        s.close(t0.plusSeconds(45));
        assertThat(s.duration(Clock.fixed(t0.plusSeconds(600), ZoneOffset.UTC))).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void peerIdsAreOneToSixtyFourSafeCharacters() {
        assertThat(new PeerId("a.b-c_D9").value()).isEqualTo("a.b-c_D9");
        assertThat(PeerId.isValid("x".repeat(64))).isTrue();
        for (String bad : new String[] {"", "x".repeat(65), "a b", "a/b", "é", null}) {
            assertThat(PeerId.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> new PeerId("a b")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SessionLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SessionLimits(1000, 60, 4000, 20).maxConnections()).isEqualTo(1000);
    }
}

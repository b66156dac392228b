package io.parley.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.parley.core.port.out.SessionEventRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PruneAuditTrailServiceTest {

    private final SessionEventRepository events = mock(SessionEventRepository.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void deletesWhatIsOlderThanTheRetention() {
        when(events.deleteOlderThan(Instant.parse("2026-03-03T00:00:00Z"))).thenReturn(7L);
        assertThat(new PruneAuditTrailService(events, Duration.ofDays(90), clock).prune()).isEqualTo(7);
    }

    @Test
    void retentionMustBePositive() {
        assertThatThrownBy(() -> new PruneAuditTrailService(events, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

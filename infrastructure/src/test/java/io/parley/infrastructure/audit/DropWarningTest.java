package io.parley.infrastructure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DropWarningTest {

    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final DropWarning warning = new DropWarning(Duration.ofSeconds(10));

    @Test
    void saysNothingWhileNothingIsDropped() {
        assertThat(warning.after(0, t0)).isEmpty();
    }

    @Test
    void warnsAtMostOncePerIntervalWithEverythingDroppedSinceTheLastWarning() {
        assertThat(warning.after(3, t0)).hasValueSatisfying(w -> assertThat(w).startsWith("3 session events dropped"));
        assertThat(warning.after(5, t0.plusSeconds(1))).isEmpty();
        assertThat(warning.after(2, t0.plusSeconds(9))).isEmpty();
        assertThat(warning.after(0, t0.plusSeconds(10)))
                .hasValueSatisfying(w -> assertThat(w).startsWith("7 session events dropped"));
        assertThat(warning.after(0, t0.plusSeconds(30))).isEmpty();
    }
}

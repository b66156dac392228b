package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** FlushBudget: at most 15 flushes of a synthesis stream in any rolling minute. */
class FlushBudgetTest {

    private final FlushBudget budget = new FlushBudget();

    @Test
    void fifteenFlushesMayGoAtOnceAndTheSixteenthWaits() {
        for (int i = 0; i < FlushBudget.PER_MINUTE; i++) {
            assertThat(budget.tryFlush(T0)).as("flush %d", i + 1).isTrue();
        }
        assertThat(FlushBudget.PER_MINUTE).isEqualTo(15);
        assertThat(budget.tryFlush(T0)).isFalse();
        assertThat(budget.tryFlush(T0.plusSeconds(59))).isFalse();
    }

    @Test
    void aRefusedFlushIsNotCounted() {
        fill(T0);
        for (int i = 0; i < 100; i++) {
            budget.tryFlush(T0.plusSeconds(30));
        }
        assertThat(budget.tryFlush(T0.plus(Duration.ofMinutes(1)).plusMillis(1))).isTrue();
    }

    @Test
    void flushesOlderThanAMinuteNoLongerCount() {
        fill(T0);
        Instant later = T0.plus(Duration.ofMinutes(1)).plusMillis(1);
        for (int i = 0; i < FlushBudget.PER_MINUTE; i++) {
            assertThat(budget.tryFlush(later)).isTrue();
        }
        assertThat(budget.tryFlush(later)).isFalse();
    }

    @Test
    void theWindowRolls() {
        // one flush every 4 s for a minute: 15 of them; the next waits until the first is a minute old
        for (int i = 0; i < FlushBudget.PER_MINUTE; i++) {
            assertThat(budget.tryFlush(T0.plusSeconds(4L * i))).isTrue();
        }
        assertThat(budget.tryFlush(T0.plusSeconds(59))).isFalse();
        assertThat(budget.tryFlush(T0.plusSeconds(60).plusMillis(1))).isTrue();
        assertThat(budget.tryFlush(T0.plusSeconds(61))).isFalse();
        assertThat(budget.tryFlush(T0.plusSeconds(64).plusMillis(1))).isTrue();
    }

    private void fill(Instant at) {
        for (int i = 0; i < FlushBudget.PER_MINUTE; i++) {
            budget.tryFlush(at);
        }
    }
}

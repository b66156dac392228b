package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** FlushBudget: at most 18 flushes of a synthesis stream in any rolling minute, the last 4 for turn starts. */
class FlushBudgetTest {

    private final FlushBudget budget = new FlushBudget();

    @Test
    void eighteenTurnStartsMayFlushAtOnceAndTheNineteenthWaits() {
        assertThat(FlushBudget.PER_MINUTE).isEqualTo(18);
        fill(T0, true, 18);
        assertThat(budget.tryFlush(T0, true)).isFalse();
        assertThat(budget.tryFlush(T0.plusSeconds(59), true)).isFalse();
    }

    @Test
    void laterPiecesOfATurnLeaveFourFlushesForTheNextTurns() {
        fill(T0, false, 14);
        assertThat(budget.tryFlush(T0, false)).isFalse();
        fill(T0, true, 4);
        assertThat(budget.tryFlush(T0, true)).isFalse();
    }

    @Test
    void aRefusedFlushIsNotCounted() {
        fill(T0, true, 18);
        for (int i = 0; i < 100; i++) {
            budget.tryFlush(T0.plusSeconds(30), true);
        }
        assertThat(budget.tryFlush(T0.plus(Duration.ofMinutes(1)).plusMillis(1), false)).isTrue();
    }

    @Test
    void flushesOlderThanAMinuteNoLongerCount() {
        fill(T0, true, 18);
        Instant later = T0.plus(Duration.ofMinutes(1)).plusMillis(1);
        fill(later, true, 18);
        assertThat(budget.tryFlush(later, true)).isFalse();
    }

    @Test
    void theWindowRolls() {
        // a turn every 3.5 s: 18 in 59.5 s; the next waits until the first is a minute old
        for (int i = 0; i < 18; i++) {
            assertThat(budget.tryFlush(T0.plusMillis(3500L * i), true)).as("turn %d", i + 1).isTrue();
        }
        assertThat(budget.tryFlush(T0.plusSeconds(60), true)).isFalse();
        assertThat(budget.tryFlush(T0.plusSeconds(60).plusMillis(1), true)).isTrue();
        assertThat(budget.tryFlush(T0.plusSeconds(61), true)).isFalse();
        assertThat(budget.tryFlush(T0.plusMillis(63_501), true)).isTrue();
    }

    private void fill(Instant at, boolean turnStart, int flushes) {
        for (int i = 0; i < flushes; i++) {
            assertThat(budget.tryFlush(at, turnStart)).as("flush %d", i + 1).isTrue();
        }
    }
}

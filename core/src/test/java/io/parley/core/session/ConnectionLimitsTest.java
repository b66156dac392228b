package io.parley.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Connection limits that cannot work together are refused at startup, with the setting to change named. */
class ConnectionLimitsTest {

    @Test
    void theDefaultsHoldAWholeResumeReplayAndBoundOneConnection() {
        ConnectionLimits defaults = new ConnectionLimits(256, 262_144, 262_144, 16, 100, 65_536, 128_000_000, 64);
        assertThat(defaults.worstCasePerConnection(65_536)).isEqualTo(262_144 + 262_144 + 65_536 + 65_536);
    }

    @Test
    void pendingBytesTooSmallForAResumeReplayAreRefused() {
        assertThatThrownBy(() -> new ConnectionLimits(256, 100_000, 262_144, 16, 100, 65_536, 128_000_000, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parley.limits.max-pending-bytes");
    }

    @Test
    void nothingMayBeZero() {
        assertThatThrownBy(() -> new ConnectionLimits(256, 262_144, 262_144, 16, 100, 65_536, 128_000_000, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

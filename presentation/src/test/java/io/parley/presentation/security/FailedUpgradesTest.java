package io.parley.presentation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedUpgradesTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FailedUpgrades failures = new FailedUpgrades(2, now::get);

    @Test
    void anAddressIsRefusedUntilTheMinuteOfItsFirstFailureEnds() {
        failures.failed("203.0.113.7");
        now.addAndGet(10_000);
        assertThat(failures.refusal("203.0.113.7")).isEmpty();
        failures.failed("203.0.113.7");

        assertThat(failures.refusal("203.0.113.7")).contains(Duration.ofSeconds(50));
        assertThat(failures.refusal("203.0.113.8")).isEmpty();
        now.addAndGet(50_000);
        assertThat(failures.refusal("203.0.113.7")).isEmpty();
        failures.failed("203.0.113.7");
        assertThat(failures.refusal("203.0.113.7")).as("a new minute starts counting again").isEmpty();
    }

    @Test
    void ipv6CountsByItsSlash64AndMappedIpv4ByItsIpv4Address() {
        failures.failed("2001:db8:1:2::1");
        failures.failed("[2001:db8:1:2:ffff::9]");

        assertThat(failures.refusal("2001:db8:1:2:abcd::5")).isPresent();
        assertThat(failures.refusal("2001:db8:1:3::1")).isEmpty();

        failures.failed("::ffff:198.51.100.1");
        failures.failed("198.51.100.1");
        assertThat(failures.refusal("198.51.100.1")).isPresent();
        assertThat(failures.refusal("::ffff:198.51.100.2")).isEmpty();
    }

    @Test
    void zeroTurnsTheLimitOff() {
        FailedUpgrades off = new FailedUpgrades(0, now::get);
        for (int i = 0; i < 100; i++) {
            off.failed("192.0.2.1");
        }
        assertThat(off.refusal("192.0.2.1")).isEmpty();
    }

    @Test
    void pastTheMostAddressesEndedMinutesMakeRoomAndNewAddressesAreOtherwiseNotCounted() {
        for (int i = 0; i < FailedUpgrades.MOST_ADDRESSES; i++) {
            failures.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        failures.failed("192.0.2.9");
        failures.failed("192.0.2.9");
        assertThat(failures.refusal("192.0.2.9")).as("no room: not counted").isEmpty();

        now.addAndGet(Duration.ofMinutes(1).toMillis());
        failures.failed("192.0.2.9");
        failures.failed("192.0.2.9");
        assertThat(failures.refusal("192.0.2.9")).as("the ended minutes were dropped").isPresent();
    }
}

package io.parley.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    @Test
    void prunesOnItsOwnThreadAgainAndAgainEvenAfterAFailure() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch runs = new CountDownLatch(3);
        AuditRetention retention = new AuditRetention(() -> {
            threads.add(Thread.currentThread().getName());
            runs.countDown();
            if (runs.getCount() == 2) {
                throw new IllegalStateException("Postgres is down");
            }
            return 1;
        }, Duration.ofMillis(10));

        retention.start(new StartupEvent());
        try {
            assertThat(runs.await(5, TimeUnit.SECONDS)).as("three prunes within 5 s").isTrue();
        } finally {
            retention.stop(new ShutdownEvent());
        }
        assertThat(threads).containsOnly("parley-audit-retention");
    }
}

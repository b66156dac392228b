package io.parley.infrastructure.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.port.out.Ticker.Ticking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopTickerTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void ticksRunOnTheEventLoopOfTheContextThatAskedEvenFromItsBlockingTask() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Thread> loop = new CompletableFuture<>();
        context.runOnContext(ignored -> loop.complete(Thread.currentThread()));
        Set<Thread> ticked = ConcurrentHashMap.newKeySet();
        CountDownLatch fiveTicks = new CountDownLatch(5);
        CompletableFuture<Ticking> started = new CompletableFuture<>();
        context.runOnContext(ignored -> context.executeBlocking(() -> new EventLoopTicker(vertx)
                .every(Duration.ofMillis(10), () -> {
                    ticked.add(Thread.currentThread());
                    fiveTicks.countDown();
                }), false).onSuccess(started::complete));

        assertThat(fiveTicks.await(5, TimeUnit.SECONDS)).isTrue();
        started.get(5, TimeUnit.SECONDS).stop();
        assertThat(ticked).containsExactly(loop.get(5, TimeUnit.SECONDS));
    }

    @Test
    void noTickRunsOnceStopped() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        Ticking ticking = new EventLoopTicker(vertx).every(Duration.ofMillis(5), ticks::incrementAndGet);
        Thread.sleep(50);
        ticking.stop();
        ticking.stop();
        int atStop = ticks.get();
        Thread.sleep(100);

        assertThat(atStop).isPositive();
        assertThat(ticks.get()).isLessThanOrEqualTo(atStop + 1);
    }
}

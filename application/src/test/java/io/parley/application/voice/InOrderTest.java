package io.parley.application.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** InOrder: tasks run on the given executor, one at a time, in the order given, past failing ones. */
class InOrderTest {

    /** An executor that only queues; the test runs what it was given. */
    private final ArrayDeque<Runnable> handed = new ArrayDeque<>();
    private final InOrder inOrder = new InOrder(handed::add);
    private final List<String> ran = new ArrayList<>();

    @Test
    void nothingRunsOnTheCallersThread() {
        inOrder.execute(() -> ran.add("a"));
        assertThat(ran).isEmpty();
        assertThat(handed).hasSize(1);
    }

    @Test
    void tasksGivenWhileOneIsPendingShareOneRunOfTheExecutorInOrder() {
        inOrder.execute(() -> ran.add("a"));
        inOrder.execute(() -> ran.add("b"));
        inOrder.execute(() -> ran.add("c"));
        assertThat(handed).hasSize(1);
        handed.poll().run();
        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(handed).isEmpty();
    }

    @Test
    void aTaskGivenOnceAllRanGoesToTheExecutorAgain() {
        inOrder.execute(() -> ran.add("a"));
        handed.poll().run();
        inOrder.execute(() -> ran.add("b"));
        assertThat(handed).hasSize(1);
        handed.poll().run();
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void aTaskGivenByARunningTaskRunsAfterIt() {
        InOrder direct = new InOrder(Runnable::run);
        direct.execute(() -> {
            direct.execute(() -> ran.add("inner"));
            ran.add("outer");
        });
        direct.execute(() -> ran.add("next"));
        assertThat(ran).containsExactly("outer", "inner", "next");
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() {
        inOrder.execute(() -> ran.add("a"));
        inOrder.execute(() -> {
            throw new IllegalStateException("database down");
        });
        inOrder.execute(() -> ran.add("c"));
        handed.poll().run();
        inOrder.execute(() -> ran.add("d"));
        while (!handed.isEmpty()) {
            handed.poll().run();
        }
        assertThat(ran).containsExactly("a", "c", "d");
    }

    @Test
    void onAPoolTasksNeverOverlapAndKeepTheirOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            InOrder onPool = new InOrder(pool);
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            int count = 2000;
            CountDownLatch done = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                onPool.execute(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(1);
            assertThat(order).isSorted().hasSize(count);
        } finally {
            pool.shutdownNow();
        }
    }
}

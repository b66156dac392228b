package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One connection's lane: steps run one at a time in order, waiting steps are bounded, closing waits for the step in progress. */
class OrderedLaneTest {

    private final Context context = mock(Context.class);
    private final List<String> ran = new ArrayList<>();
    private final Allowance allowance = new Allowance(100);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void eventLoop() {
        doAnswer(invocation -> {
            ((Handler<Void>) invocation.getArgument(0)).handle(null);
            return null;
        }).when(context).runOnContext(any());
    }

    private CompletionStage<?> step(String name, CompletableFuture<Void> done) {
        ran.add(name);
        return done;
    }

    @Test
    void stepsRunOneAtATimeInTheOrderTheyCame() {
        OrderedLane lane = new OrderedLane(context, allowance, 10);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        lane.submit(10, () -> step("join", slow));
        for (int i = 0; i < 5; i++) {
            String name = "relay" + i;
            lane.submit(10, () -> step(name, CompletableFuture.completedFuture(null)));
        }
        assertThat(ran).containsExactly("join");
        assertThat(allowance.held).isEqualTo(50);
        slow.complete(null);
        assertThat(ran).containsExactly("join", "relay0", "relay1", "relay2", "relay3", "relay4");
        assertThat(allowance.held).isZero();
    }

    @Test
    void waitingStepsAreBoundedInNumberAndInTheConnectionsBytes() {
        OrderedLane lane = new OrderedLane(context, allowance, 3);
        lane.submit(10, () -> step("slow", new CompletableFuture<>()));
        assertThat(lane.submit(60, () -> step("a", CompletableFuture.completedFuture(null)))).isTrue();
        assertThat(lane.submit(60, () -> step("b", CompletableFuture.completedFuture(null))))
                .as("over the connection's bytes").isFalse();
        assertThat(lane.submit(10, () -> step("c", CompletableFuture.completedFuture(null)))).isTrue();
        assertThat(lane.submit(10, () -> step("d", CompletableFuture.completedFuture(null)))).isTrue();
        assertThat(lane.submit(1, () -> step("e", CompletableFuture.completedFuture(null))))
                .as("over the lane's count").isFalse();
    }

    @Test
    void closingDropsWhatWaitsAndRunsItsFollowUpOnceTheStepInProgressIsDone() {
        OrderedLane lane = new OrderedLane(context, allowance, 10);
        CompletableFuture<Void> join = new CompletableFuture<>();
        lane.submit(10, () -> step("join", join));
        lane.submit(10, () -> step("relay", CompletableFuture.completedFuture(null)));
        lane.close(() -> ran.add("disconnect"));
        assertThat(ran).containsExactly("join");
        assertThat(allowance.held).isZero();
        join.complete(null);
        assertThat(ran).containsExactly("join", "disconnect");
        lane.submit(10, () -> step("late", CompletableFuture.completedFuture(null)));
        assertThat(ran).containsExactly("join", "disconnect");
    }

    @Test
    void aStepThatThrowsDoesNotStopTheLane() {
        OrderedLane lane = new OrderedLane(context, allowance, 10);
        lane.submit(10, () -> {
            throw new IllegalStateException("boom");
        });
        lane.submit(10, () -> step("next", CompletableFuture.completedFuture(null)));
        assertThat(ran).containsExactly("next");
    }

    /** A connection's byte allowance, counting what is held. */
    private static final class Allowance implements InboundAllowance {
        private final long max;
        private long held;

        Allowance(long max) {
            this.max = max;
        }

        @Override
        public boolean reserve(long bytes) {
            if (held + bytes > max) {
                return false;
            }
            held += bytes;
            return true;
        }

        @Override
        public void release(long bytes) {
            held -= bytes;
        }
    }
}

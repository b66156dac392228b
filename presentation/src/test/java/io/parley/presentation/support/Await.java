package io.parley.presentation.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits on a condition: polls until it holds, and fails the test when it does not in time. */
public final class Await {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private Await() {
    }

    /** Polls {@code probe} until its value passes {@code done}; returns that value. */
    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        return until(DEFAULT_TIMEOUT, what, probe, done);
    }

    public static <T> T until(Duration timeout, String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not seen within " + timeout.toSeconds() + " s; last seen: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

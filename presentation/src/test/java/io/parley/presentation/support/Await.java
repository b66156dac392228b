package io.parley.presentation.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that other threads or processes make true; gives up by failing the test. */
public final class Await {

    private Await() {
    }

    /** Polls every 20 ms until the condition holds; an AssertionError naming it when time runs out. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            pause();
        }
    }

    /** Polls until the supplied value is non-null and returns it. */
    public static <T> T value(Duration timeout, String what, Supplier<T> value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T found;
        while ((found = value.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            pause();
        }
        return found;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}

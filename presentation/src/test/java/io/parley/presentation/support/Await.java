package io.parley.presentation.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition that other threads or processes make true; gives up by failing the test. */
public final class Await {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private Await() {
    }

    /** Polls until the condition holds; an AssertionError naming it when time runs out. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Polls until the supplied value is non-null and returns it. */
    public static <T> T value(Duration timeout, String what, Supplier<T> value) {
        return until(timeout, what, value, found -> found != null);
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
                throw new AssertionError(what + " not seen within " + timeout + "; last seen: " + value);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}

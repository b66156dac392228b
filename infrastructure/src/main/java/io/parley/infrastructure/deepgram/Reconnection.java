package io.parley.infrastructure.deepgram;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Bringing back one lost socket: attempts after pauses of 100 ms doubling to 2 s, for at most the
 * window ({@code reconnect-for}); a refusal no retry can cure (a bad key) gives up at once. Runs on
 * the stream's loop.
 */
final class Reconnection {

    static final long FIRST_PAUSE_MILLIS = 100;
    static final long MAX_PAUSE_MILLIS = 2_000;

    private final StreamLoop loop;
    private final Duration window;
    private final Runnable attempt;
    private final Consumer<String> giveUp;
    private long nextPauseMillis;
    private long attemptTimer = -1;
    private long deadlineTimer = -1;
    private String lastProblem;

    Reconnection(StreamLoop loop, Duration window, Runnable attempt, Consumer<String> giveUp) {
        this.loop = loop;
        this.window = window;
        this.attempt = attempt;
        this.giveUp = giveUp;
    }

    void begin(String why) {
        lastProblem = why;
        nextPauseMillis = FIRST_PAUSE_MILLIS;
        deadlineTimer = loop.timer(window.toMillis(), () -> {
            deadlineTimer = -1;
            stop();
            giveUp.accept("Deepgram speech-to-text was lost and did not come back within " + window.toMillis()
                    + " ms (" + lastProblem + ")");
        });
        next();
    }

    /** The last attempt failed: try again after a longer pause, or give up. */
    void failed(UpgradeFailure failure) {
        lastProblem = failure.reason();
        if (failure.permanent()) {
            stop();
            giveUp.accept(failure.reason());
        } else {
            next();
        }
    }

    /** A socket is back, or the stream ended: no more attempts. */
    void stop() {
        loop.cancel(attemptTimer);
        loop.cancel(deadlineTimer);
        attemptTimer = -1;
        deadlineTimer = -1;
    }

    private void next() {
        long pause = nextPauseMillis;
        nextPauseMillis = Math.min(MAX_PAUSE_MILLIS, nextPauseMillis * 2);
        attemptTimer = loop.timer(pause, () -> {
            attemptTimer = -1;
            attempt.run();
        });
    }
}

package io.parley.infrastructure.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Words the warning about dropped session events, at most once per interval, with how many since the last one. */
final class DropWarning {

    private final Duration interval;
    private long unreported;
    private Instant lastWarned;

    DropWarning(Duration interval) {
        this.interval = interval;
    }

    /** Adds newly dropped events; returns the warning when one is due. */
    Optional<String> after(long dropped, Instant now) {
        unreported += dropped;
        if (unreported == 0 || lastWarned != null && now.isBefore(lastWarned.plus(interval))) {
            return Optional.empty();
        }
        String warning = unreported + " session events dropped: the audit buffer (parley.audit.buffer-size) is full";
        unreported = 0;
        lastWarned = now;
        return Optional.of(warning);
    }
}

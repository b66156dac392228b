package io.parley.core.port.in;

import io.parley.core.signal.ResumeClaim;

/** Lets a resume on another connection take over a live session whose socket went silent (half-open). */
public interface HandOverSessionUseCase {

    /** Closes the session as resumable if it is here and the claim proves ownership; false otherwise. */
    boolean handOver(ResumeClaim claim);
}

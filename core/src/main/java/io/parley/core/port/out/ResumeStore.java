package io.parley.core.port.out;

import io.parley.core.session.ClientSession;
import io.parley.core.signal.RecentFrames;
import io.parley.core.signal.ResumeCheck;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.ResumeTicket;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps what a session needs to come back after its connection dropped, for a limited window,
 * together with the frames last written to it and those sent to it meanwhile (bounded).
 */
public interface ResumeStore {

    /** The session went away: keep its identity, rooms and recent frames for this long, guarded by its token. */
    void away(ClientSession session, Duration window, RecentFrames sent);

    /** Whether a record waits for this claim (same session, tenant, peer and token); nothing is spent. */
    ResumeCheck check(ResumeClaim claim);

    /**
     * Reserves a matching record for one resume at a time, for at most {@code ttl}; false when another
     * connection holds it (two reconnects with the same token at once) or the claim does not match.
     */
    boolean reserve(ResumeClaim claim, Duration ttl);

    /** Gives a reservation back without spending the record (the connect was refused). */
    void release(ResumeClaim claim);

    /**
     * Takes the record (and its reservation) if the claim matches it; it cannot be taken twice, and a wrong
     * claim leaves it intact.
     */
    Optional<ResumeTicket> take(ResumeClaim claim);
}

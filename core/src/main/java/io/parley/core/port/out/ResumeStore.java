package io.parley.core.port.out;

import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.signal.ResumeTicket;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps what a session needs to come back after its connection dropped, for a limited window,
 * together with the frames sent to it meanwhile (bounded).
 */
public interface ResumeStore {

    /** The session went away: keep its identity and rooms for this long, guarded by its resume token. */
    void away(ClientSession session, Duration window);

    /** Takes the record of an away session if the token matches; it cannot be taken twice. */
    Optional<ResumeTicket> take(SessionId sessionId, String resumeToken);
}

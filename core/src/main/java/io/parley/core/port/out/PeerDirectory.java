package io.parley.core.port.out;

import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.SessionLocation;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** Which node holds each peer's session, shared by every node; entries of dead nodes expire. */
public interface PeerDirectory {

    /** Records the peer at this location; returns the location it replaced, if another live session. */
    Optional<SessionLocation> claim(PeerAddress peer, SessionLocation location);

    /** Marks the peer away (resumable) for the window, if the entry is still this session's. */
    void markAway(PeerAddress peer, SessionLocation location, Duration window);

    /** Re-asserts the entries of this node's live sessions, keeping them from expiring. */
    void refresh(Collection<Claim> live);

    /** One live session's entry. */
    record Claim(PeerAddress peer, SessionLocation location) {
    }
}

package io.parley.core.port.out;

import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.SessionLocation;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** Which node holds each peer's session, shared by every node; survivors evict the entries of dead nodes. */
public interface PeerDirectory {

    /** Records the peer at this location; returns the location it replaced, if another live session. */
    Optional<SessionLocation> claim(PeerAddress peer, SessionLocation location);

    /** Marks the peer away (resumable) for the window, if the entry is still this session's. */
    void markAway(PeerAddress peer, SessionLocation location, Duration window);

    /** Re-asserts the entries of this node's live sessions (after the shared store lost them). */
    void refresh(Collection<Claim> live);

    /** Removes the online entries of a dead node's sessions. */
    void evictNode(String nodeId);

    /** One live session's entry. */
    record Claim(PeerAddress peer, SessionLocation location) {
    }
}

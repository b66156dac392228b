package io.parley.core.port.out;

import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.PeerPresence;
import io.parley.core.signal.SessionLocation;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Which node holds each peer's session, shared by every node; survivors evict the entries of dead nodes. */
public interface PeerDirectory {

    /** Records the peer at this location; returns the location it replaced, if another live session. */
    Optional<SessionLocation> claim(PeerAddress peer, SessionLocation location);

    /** Where the peer is, online or away, if anywhere. */
    Optional<PeerPresence> locate(PeerAddress peer);

    /** Marks the peer away (resumable) for the window, if the entry is still this session's. */
    void markAway(PeerAddress peer, SessionLocation location, Duration window);

    /** Re-asserts the entries of this node's live sessions (after the shared store lost them). */
    void refresh(Collection<Claim> live);

    /** The online entries that point at a node (and forgets index entries that no longer do). */
    List<Claim> claimsOf(String nodeId);

    /** Removes an online entry if it still points at that location. */
    void release(Claim claim);

    /** Removes the online entries of a dead node's sessions. */
    void evictNode(String nodeId);

    /** One live session's entry. */
    record Claim(PeerAddress peer, SessionLocation location) {
    }
}

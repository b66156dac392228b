package io.parley.core.port.out;

import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.signal.PeerAddress;
import java.util.Collection;
import java.util.Optional;

/** The sessions live on this node, with the channel to each one's socket. */
public interface SessionRegistry {

    /** Adds the session unless the node already holds {@code capacity} sessions, or one with its id. */
    boolean register(ClientSession session, ClientChannel channel, int capacity);

    Optional<ClientSession> find(SessionId id);

    Optional<ClientChannel> channel(SessionId id);

    /** The newest session of this peer on this node. */
    Optional<ClientSession> findByPeer(PeerAddress peer);

    Optional<ClientSession> remove(SessionId id);

    /** Removes the session only if {@code channel} is still its socket. */
    Optional<ClientSession> remove(SessionId id, ClientChannel channel);

    /** The peer of a session removed moments ago (kept briefly, so that late frames can follow it). */
    Optional<PeerAddress> recentlyRemoved(SessionId id);

    Collection<ClientSession> all();

    int size();
}

package io.parley.core.port.out;

import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import java.util.Optional;

/** The sessions live on this node. */
public interface SessionRegistry {

    /** Adds the session unless the node already holds {@code capacity} sessions. */
    boolean register(ClientSession session, int capacity);

    Optional<ClientSession> find(SessionId id);

    Optional<ClientSession> remove(SessionId id);

    int size();
}

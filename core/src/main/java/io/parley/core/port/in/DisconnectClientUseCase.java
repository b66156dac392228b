package io.parley.core.port.in;

import io.parley.core.port.out.ClientChannel;
import io.parley.core.session.SessionId;

/** Ends a session: leaves its rooms, keeps it resumable for a while, records its duration and usage. */
public interface DisconnectClientUseCase {

    /**
     * Ends the session if {@code channel} is still its socket (a resumed session keeps its id but has a new
     * socket, which the old one's late close must not end). {@code resumable} is false when the session
     * was replaced by a newer one of the same peer.
     */
    void disconnect(SessionId sessionId, ClientChannel channel, String reason, boolean resumable);
}

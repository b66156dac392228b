package io.parley.core.port.in;

import io.parley.core.session.SessionId;

/** Ends a session: leaves its rooms, keeps it resumable for a while, records its duration and usage. */
public interface DisconnectClientUseCase {

    /** {@code resumable} is false when the session was replaced by a newer one of the same peer. */
    void disconnect(SessionId sessionId, String reason, boolean resumable);
}

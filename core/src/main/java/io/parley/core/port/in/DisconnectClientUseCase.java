package io.parley.core.port.in;

import io.parley.core.session.SessionId;

/** Ends a session and records how long it lasted and what it used. */
public interface DisconnectClientUseCase {

    void disconnect(SessionId sessionId, String reason);
}

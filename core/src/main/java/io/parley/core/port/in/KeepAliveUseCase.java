package io.parley.core.port.in;

import io.parley.core.session.SessionId;

/** Notes that a session's client was heard from, so it is not closed as idle. */
public interface KeepAliveUseCase {

    void heard(SessionId sessionId);
}

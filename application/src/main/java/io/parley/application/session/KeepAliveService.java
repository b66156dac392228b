package io.parley.application.session;

import io.parley.core.port.in.KeepAliveUseCase;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.SessionId;
import java.time.Clock;

/** Records the last time each session's client was heard from. */
public class KeepAliveService implements KeepAliveUseCase {

    private final SessionRegistry sessions;
    private final Clock clock;

    public KeepAliveService(SessionRegistry sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void heard(SessionId sessionId) {
        sessions.find(sessionId).ifPresent(session -> session.touch(clock.instant()));
    }
}

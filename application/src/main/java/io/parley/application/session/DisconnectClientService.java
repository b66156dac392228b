package io.parley.application.session;

import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionId;
import java.time.Clock;

/** Closes a session once, freeing its place on the node and recording its duration and usage. */
public class DisconnectClientService implements DisconnectClientUseCase {

    private final SessionRegistry registry;
    private final SessionEventRepository events;
    private final Clock clock;

    public DisconnectClientService(SessionRegistry registry, SessionEventRepository events, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void disconnect(SessionId sessionId, String reason) {
        registry.remove(sessionId).ifPresent(session -> {
            if (session.close(clock.instant())) {
                events.record(SessionEvent.disconnected(session, reason, session.duration(clock), clock.instant()));
            }
        });
    }
}

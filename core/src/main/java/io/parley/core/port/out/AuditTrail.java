package io.parley.core.port.out;

import io.parley.core.session.SessionEvent;

/** Where session events are recorded: never waits for storage, so it can sit on connection paths. */
public interface AuditTrail {

    /** Records the event; it becomes readable through {@link SessionEventRepository} shortly after. */
    void record(SessionEvent event);
}

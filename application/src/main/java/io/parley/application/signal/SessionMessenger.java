package io.parley.application.signal;

import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.SessionLocation;

/** Delivers a frame to a known session: straight to its socket when it is on this node, else over the bus. */
public class SessionMessenger {

    private final SessionRegistry sessions;
    private final SignalBus bus;

    public SessionMessenger(SessionRegistry sessions, SignalBus bus) {
        this.sessions = sessions;
        this.bus = bus;
    }

    public void send(SessionLocation target, Outbound frame) {
        if (bus.nodeId().equals(target.nodeId())) {
            sessions.channel(target.sessionId()).ifPresent(channel -> channel.deliver(frame));
        } else {
            bus.sendToSession(target, frame);
        }
    }

    /** This node's location for a session. */
    public SessionLocation here(SessionId sessionId) {
        return new SessionLocation(bus.nodeId(), sessionId);
    }

    public String nodeId() {
        return bus.nodeId();
    }
}

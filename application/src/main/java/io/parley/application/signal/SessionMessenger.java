package io.parley.application.signal;

import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.SessionLocation;
import java.util.concurrent.CompletionStage;

/** Delivers a frame to a known session: straight to its socket when it is on this node, else over the bus. */
public class SessionMessenger {

    private final SessionRegistry sessions;
    private final SignalBus bus;

    public SessionMessenger(SessionRegistry sessions, SignalBus bus) {
        this.sessions = sessions;
        this.bus = bus;
    }

    /**
     * A socket of this node that is closing gets its frames over the bus too, like relays to it, so that
     * room news and relays keep their order while its session is being closed.
     */
    public void send(SessionLocation target, Outbound frame) {
        var local = bus.nodeId().equals(target.nodeId()) ? sessions.channel(target.sessionId())
                .filter(ClientChannel::isOpen) : java.util.Optional.<ClientChannel>empty();
        if (local.isPresent()) {
            local.get().deliver(frame);
        } else {
            bus.sendToSession(target, frame);
        }
    }

    /** Completes once frames already published to this node have reached its sessions. */
    public CompletionStage<Void> flushInbound() {
        return bus.flushInbound();
    }

    /** This node's location for a session. */
    public SessionLocation here(SessionId sessionId) {
        return new SessionLocation(bus.nodeId(), sessionId);
    }

    public String nodeId() {
        return bus.nodeId();
    }
}

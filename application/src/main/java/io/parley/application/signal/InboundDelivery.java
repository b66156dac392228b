package io.parley.application.signal;

import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.SessionLocation;

/**
 * Hands frames that came over the bus to this node's sessions. A relayed frame for a session that
 * left moments ago (published before its peer was marked away) follows the peer to where it is now,
 * usually into its resume buffer, instead of being dropped.
 */
public class InboundDelivery {

    private final SessionRegistry sessions;
    private final SignalBus bus;

    public InboundDelivery(SessionRegistry sessions, SignalBus bus) {
        this.sessions = sessions;
        this.bus = bus;
    }

    public void deliver(SessionId session, Outbound frame) {
        var channel = sessions.channel(session);
        if (channel.isPresent()) {
            channel.get().deliver(frame);
        } else if (frame instanceof Outbound.Relayed) {
            sessions.recentlyRemoved(session).ifPresent(peer -> bus.forward(peer,
                    new SessionLocation(bus.nodeId(), session), frame));
        }
    }
}

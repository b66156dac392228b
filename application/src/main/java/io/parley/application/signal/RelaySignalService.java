package io.parley.application.signal;

import io.parley.core.port.in.RelaySignalUseCase;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Delivery;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.PeerAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Relays within the sender's tenant only: a receiver on this node gets the frame straight away,
 * one elsewhere over the bus. Touches neither the agent nor Postgres.
 */
public class RelaySignalService implements RelaySignalUseCase {

    private final SessionRegistry sessions;
    private final SignalBus bus;

    public RelaySignalService(SessionRegistry sessions, SignalBus bus) {
        this.sessions = sessions;
        this.bus = bus;
    }

    @Override
    public CompletionStage<Delivery> relay(SessionId from, PeerId to, String frameJson) {
        Optional<ClientSession> sender = sessions.find(from);
        if (sender.isEmpty()) {
            return CompletableFuture.completedFuture(Delivery.UNAVAILABLE);
        }
        PeerAddress target = new PeerAddress(sender.get().tenantId(), to);
        Outbound frame = new Outbound.Relayed(frameJson);
        Optional<ClientSession> local = sessions.findByPeer(target);
        if (local.isPresent()) {
            var channel = sessions.channel(local.get().id()).filter(ClientChannel::isOpen);
            if (channel.isPresent()) {
                channel.get().deliver(frame);
                return CompletableFuture.completedFuture(Delivery.DELIVERED);
            }
        }
        return bus.sendToPeer(target, frame);
    }
}

package io.parley.presentation.ws;

import io.parley.core.port.in.RelaySignalUseCase;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Delivery;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Relays offer, answer, candidate and signal frames to their peer without blocking the lane. */
@Singleton
class RelayFrames {

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final RelaySignalUseCase relay;
    private final ServerFrames frames;

    RelayFrames(RelaySignalUseCase relay, ServerFrames frames) {
        this.relay = relay;
        this.frames = frames;
    }

    /**
     * Hands the frame on at once: the lane's next frame need not wait for the bus to confirm, unless the
     * connection already has as many relays awaiting confirmation as its window allows.
     */
    CompletionStage<?> relay(ClientFrame.Relay frame, SessionId session, SocketChannel channel, RelayWindow window) {
        window.opened();
        CompletionStage<Delivery> delivered = relay.relay(session, frame.to(), frame.json()).whenComplete(
                (delivery, failure) -> {
                    window.closed();
                    if (failure != null || delivery == Delivery.UNAVAILABLE) {
                        channel.send(frames.error("peer_unavailable", "peer " + frame.to() + " is not connected",
                                frame.id()));
                    }
                });
        return window.full() ? delivered : DONE;
    }
}

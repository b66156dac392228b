package io.parley.core.port.in;

import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Delivery;
import java.util.concurrent.CompletionStage;

/** Relays a signalling frame to another peer of the same tenant, on whatever node it lives. Non-blocking. */
public interface RelaySignalUseCase {

    /** {@code frameJson} is the frame as the receiver must see it. */
    CompletionStage<Delivery> relay(SessionId from, PeerId to, String frameJson);
}

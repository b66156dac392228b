package io.parley.core.port.out;

import io.parley.core.signal.Delivery;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.SessionLocation;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.time.Duration;
import java.util.function.Function;

/**
 * Carries frames between nodes. Frames from one node to one peer arrive in the order they were
 * sent. Never blocks: the hot path of signalling runs on event loops.
 */
public interface SignalBus {

    /** This node's identity on the bus. */
    String nodeId();

    /** Whether the bus can carry frames now (it reconnects by itself after Redis comes back). */
    boolean connected();

    /** Sends a frame to a peer on another node, or keeps it when the peer is away and resumable. */
    CompletionStage<Delivery> sendToPeer(PeerAddress target, Outbound frame);

    /**
     * Sends a frame that arrived for a session after it left this node on to its peer's current session
     * (or resume buffer); never back to where the session that left was.
     */
    void forward(PeerAddress target, SessionLocation left, Outbound frame);

    /** Sends a frame to one known session, wherever it lives; dropped if that session is gone. */
    void sendToSession(SessionLocation target, Outbound frame);

    /**
     * Asks the node holding a session to let a resume take it over; it checks the claim itself and answers
     * whether it handed the session over (false, or a failed stage after {@code timeout}, otherwise).
     */
    CompletionStage<Boolean> requestHandover(SessionLocation holder, ResumeClaim claim, Duration timeout);

    /**
     * Completes once every frame published to this node before the call has been handed to its sessions
     * (the bus delivers a node's channel in order, so a marker sent to itself comes back after them).
     */
    CompletionStage<Void> flushInbound();

    /** Registers the handler of frames that other nodes send to this node's sessions. */
    void onInbound(BiConsumer<SessionLocation, Outbound> handler);

    /** Registers the handler of handover requests for this node's sessions; its answer goes back to the asker. */
    void onHandoverRequest(Function<ResumeClaim, CompletionStage<Boolean>> handler);
}

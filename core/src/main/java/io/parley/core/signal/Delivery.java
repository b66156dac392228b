package io.parley.core.signal;

/** What happened to a frame sent to a peer. */
public enum Delivery {
    /** Handed to the peer's socket, here or on its node. */
    DELIVERED,
    /** The peer is away but may resume: kept for it. */
    KEPT_FOR_RESUME,
    /** No such peer online (or it belongs to another tenant). */
    UNAVAILABLE
}

package io.parley.core.session;

/**
 * Why Parley ends a client's connection, in domain words; each transport maps them to its own means
 * (WebSocket close codes for sockets, a hang-up for a phone call).
 */
public enum CloseCause {
    /** The same peer connected again; the newer connection wins. */
    REPLACED("replaced"),
    /** A resume with this session's token took the session over (the old socket was likely half-open). */
    RESUMED_ELSEWHERE("resumed elsewhere"),
    /** Nothing was heard from the client for the idle timeout. */
    IDLE("idle timeout"),
    /** The node is shutting down; the client should reconnect elsewhere. */
    DRAINING("draining");

    private final String reason;

    CloseCause(String reason) {
        this.reason = reason;
    }

    /** A short human-readable reason. */
    public String reason() {
        return reason;
    }
}

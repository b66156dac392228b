package io.parley.core.session;

/** Kinds of audit record kept for client sessions. */
public enum SessionEventType {
    CONNECTED,
    DISCONNECTED,
    AUTH_FAILED,
    RATE_LIMITED,
    CAPACITY_REFUSED;

    /** The lower-case name used on the wire and in storage. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

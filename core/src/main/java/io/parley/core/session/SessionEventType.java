package io.parley.core.session;

/** Kinds of audit record kept for client sessions. */
public enum SessionEventType {
    CONNECTED,
    DISCONNECTED,
    AUTH_FAILED,
    RATE_LIMITED,
    CAPACITY_REFUSED,
    /** A telephony request turned away: bad signature or credentials, unknown number, foreign call token. */
    CALL_REFUSED;

    /** The lower-case name used on the wire and in storage. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this records something the server turned away (which a flood can repeat at will). */
    public boolean isRefusal() {
        return this == AUTH_FAILED || this == RATE_LIMITED || this == CAPACITY_REFUSED || this == CALL_REFUSED;
    }
}

package io.parley.core.session;

/** Lifecycle of a client connection. */
public enum SessionState {
    CONNECTING,
    OPEN,
    CLOSED
}

package io.parley.core.auth;

/** Outcome of checking a connecting client's credentials. */
public sealed interface PeerAuthentication {

    /** The credentials are good for the requested peer. */
    record Granted(AuthenticatedPeer peer) implements PeerAuthentication {
    }

    /** The client may not connect, and why. */
    sealed interface Refused extends PeerAuthentication {
        String reason();
    }

    /** No usable credentials: missing, malformed, expired or forged. */
    record Unauthenticated(String reason) implements Refused {
    }

    /** Valid credentials that do not allow what was asked (another peer id). */
    record Forbidden(String reason) implements Refused {
    }
}

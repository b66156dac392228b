package io.parley.core.signal;

/** What the directory says of a peer: connected at a location, or away (resumable) from it. */
public record PeerPresence(boolean online, SessionLocation location) {
}

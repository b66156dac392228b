package io.parley.core.signal;

import io.parley.core.session.SessionId;

/** Where a live session is: the node that holds its socket. */
public record SessionLocation(String nodeId, SessionId sessionId) {
}

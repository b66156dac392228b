package io.parley.core.port.in;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.session.ClientSession;

/** Opens a session for an authenticated peer, unless this node is full. */
public interface ConnectClientUseCase {

    Result connect(AuthenticatedPeer peer);

    /** Connected with a session, or refused with a reason. */
    sealed interface Result {
        record Connected(ClientSession session) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }
}

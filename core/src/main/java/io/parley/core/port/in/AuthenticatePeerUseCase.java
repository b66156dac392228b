package io.parley.core.port.in;

import io.parley.core.auth.PeerAuthentication;
import io.parley.core.auth.PeerCredentials;

/** Decides whether a connecting client may be the peer it asks to be; failures are audited. */
public interface AuthenticatePeerUseCase {

    PeerAuthentication authenticate(PeerCredentials credentials);
}

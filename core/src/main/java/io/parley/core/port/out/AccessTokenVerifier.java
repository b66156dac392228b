package io.parley.core.port.out;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.auth.InvalidTokenException;

/** Checks an access token's signature, issuer, audience and expiry, and says whose it is. */
public interface AccessTokenVerifier {

    AuthenticatedPeer verify(String token) throws InvalidTokenException;
}

package io.parley.core.port.out;

import io.parley.core.auth.AccessToken;
import io.parley.core.auth.AuthenticatedPeer;
import java.time.Duration;

/** Signs access tokens for peers. */
public interface AccessTokenIssuer {

    AccessToken issue(AuthenticatedPeer peer, Duration ttl);
}

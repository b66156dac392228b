package io.parley.core.auth;

import java.util.Optional;

/** What a connecting client presented: a bearer token or an API key, for the peer id it asks to be. */
public record PeerCredentials(String requestedPeer, Optional<String> bearerToken, Optional<String> apiKey) {
}

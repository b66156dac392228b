package io.parley.core.auth;

import java.time.Instant;

/** A signed token that lets one peer of one tenant connect until it expires. */
public record AccessToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[****, expiresAt=" + expiresAt + "]";
    }
}

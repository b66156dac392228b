package io.parley.presentation.security;

import java.util.Locale;
import java.util.Optional;

/** Reads the token out of an {@code Authorization: Bearer <token>} header value. */
public final class BearerTokens {

    private static final String SCHEME = "bearer ";

    private BearerTokens() {
    }

    public static Optional<String> from(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(SCHEME.length()).strip()).filter(t -> !t.isEmpty());
    }
}

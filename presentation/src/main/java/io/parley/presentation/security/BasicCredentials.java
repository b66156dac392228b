package io.parley.presentation.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** The user and password of an {@code Authorization: Basic base64(user:password)} header value (RFC 7617). */
public record BasicCredentials(String user, String password) {

    private static final String SCHEME = "basic ";
    /** Longer header values are not credentials Parley issues; they are refused unread. */
    private static final int MOST_CHARS = 1024;

    /** The credentials, or empty when the header is absent, not Basic, not Base64, or has no user. */
    public static Optional<BasicCredentials> from(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length() || authorization.length() > MOST_CHARS
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=****]";
    }
}
